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
