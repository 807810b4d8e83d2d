/** The IRI path segment of each entity type (the lower-case GraphQL type name; PolicyTheme → theme). */
export const IRI_TYPES = {
  Department: "department",
  Meeting: "meeting",
  Report: "report",
  Achievement: "achievement",
  Shortcoming: "shortcoming",
  Directive: "directive",
  PolicyTheme: "theme",
  Document: "document",
  Person: "person",
} as const;

export type EntityType = keyof typeof IRI_TYPES;
export type IriType = (typeof IRI_TYPES)[EntityType];

/** The graph label (and GraphQL type) of an IRI path segment, or undefined. */
export function entityTypeOf(segment: string): EntityType | undefined {
  return (Object.keys(IRI_TYPES) as EntityType[]).find((t) => IRI_TYPES[t] === segment);
}

/** `{base}/id/{type}/{id}`: the dereferenceable IRI of an entity. */
export function entityIri(baseUrl: string, type: EntityType, id: string): string {
  return `${baseUrl}/id/${IRI_TYPES[type]}/${encodeURIComponent(id)}`;
}

/** `{base}/id/correction/{id}`: a curator's correction (not one of the extracted entity types). */
export function correctionIri(baseUrl: string, id: string): string {
  return `${baseUrl}/id/correction/${encodeURIComponent(id)}`;
}

/** `{base}/id/curator/{name}`: the curator who signs corrections with that name (the name, never the token). */
export function curatorIri(baseUrl: string, name: string): string {
  return `${baseUrl}/id/curator/${encodeURIComponent(name)}`;
}

/** The IRI path segments beside the entity types: curators' corrections and the curators. */
export const PROVENANCE_SEGMENTS = ["correction", "curator"] as const;

/** `{base}/id/theme`: the SKOS concept scheme that holds every policy theme. */
export function themeSchemeIri(baseUrl: string): string {
  return `${baseUrl}/id/${IRI_TYPES.PolicyTheme}`;
}

/** `{base}/ns`: the project vocabulary (terms are `{base}/ns#Term`). */
export function vocabularyIri(baseUrl: string): string {
  return `${baseUrl}/ns`;
}

/** `{base}/ns/context.jsonld`: the self-hosted JSON-LD context every JSON-LD document refers to. */
export function contextIri(baseUrl: string): string {
  return `${baseUrl}/ns/context.jsonld`;
}

// What an IRIREF of Turtle / N-Triples cannot hold (RDF 1.1 Turtle §6.4), plus lone surrogates;
// control characters are the point here, hence the lint exception.
const NOT_IN_IRIREF =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0020<>"{}|^`\\]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The IRI with every character an IRIREF cannot hold percent-encoded (UTF-8), as RFC 3987 maps
 * an IRI to a URI: the result can never close the `<…>` it is written in.
 */
export function safeIri(iri: string): string {
  return iri.replace(NOT_IN_IRIREF, (c) => (c.charCodeAt(0) >= 0xd800 ? "%EF%BF%BD" : encodeURIComponent(c)));
}
