import { IRI_TYPES, PROVENANCE_SEGMENTS } from "../../model/iri";

/** The standard vocabularies the mapping uses; `pg` (the project's own) depends on the base URL. */
export const NS = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  owl: "http://www.w3.org/2002/07/owl#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  org: "http://www.w3.org/ns/org#",
  prov: "http://www.w3.org/ns/prov#",
  oa: "http://www.w3.org/ns/oa#",
  schema: "https://schema.org/",
  dcterms: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
} as const;

export type Prefix = keyof typeof NS | "pg";

/** `{base}/ns#`: the namespace of the project vocabulary. */
export function pgNamespace(baseUrl: string): string {
  return `${baseUrl}/ns#`;
}

/** Prefixes of the vocabularies, for Turtle and for compact IRIs in JSON-LD. */
export function vocabularyPrefixes(baseUrl: string): Record<Prefix, string> {
  return { pg: pgNamespace(baseUrl), ...NS };
}

/** Vocabulary prefixes plus one per entity type (`department:` → `{base}/id/department/`), for Turtle. */
export function turtlePrefixes(baseUrl: string): Record<string, string> {
  const segments = [...Object.values(IRI_TYPES), ...PROVENANCE_SEGMENTS];
  const entities = Object.fromEntries(segments.map((t) => [t, `${baseUrl}/id/${t}/`]));
  return { ...vocabularyPrefixes(baseUrl), ...entities };
}

/** Expands a compact IRI (`skos:prefLabel`, `pg:Report`) against the vocabulary prefixes. */
export function expand(baseUrl: string, curie: string): string {
  const colon = curie.indexOf(":");
  const ns = vocabularyPrefixes(baseUrl)[curie.slice(0, colon) as Prefix];
  if (colon < 0 || !ns) throw new Error(`not a known compact IRI: ${curie}`);
  return ns + curie.slice(colon + 1);
}

/** Shortens an IRI to a compact IRI when a vocabulary prefix covers it; otherwise returns it unchanged. */
export function compact(baseUrl: string, iri: string): string {
  for (const [prefix, ns] of Object.entries(vocabularyPrefixes(baseUrl))) {
    if (iri.startsWith(ns) && /^[A-Za-z_][\w-]*$/.test(iri.slice(ns.length)))
      return `${prefix}:${iri.slice(ns.length)}`;
  }
  return iri;
}
