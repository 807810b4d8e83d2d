import type { Selection } from "./selection";

/**
 * What a record type can read from its node: the Cypher of each property, and which properties
 * each GraphQL field's resolver reads. Property names and their Cypher come from code only; a
 * selection picks among them and never puts a name of its own into a statement.
 */
export interface ProjectionSpec {
  /** Record property → its Cypher expression over the node variable `v`. */
  columns: Readonly<Record<string, (v: string) => string>>;
  /** Properties read whatever is selected (the loaders key rows on them; interfaces need __typename). */
  always: readonly string[];
  /**
   * GraphQL field → the properties its resolver reads; a field not named reads the column of its
   * name, if any. `field.sub` names what a field of the object a field returns reads besides.
   */
  needs?: Readonly<Record<string, readonly string[]>>;
}

/** The properties a projection reads, in the spec's column order: equal selections give equal keys. */
export type Projection = readonly string[];

/** Every property of the spec: what callers without a selection (exports, node look-ups) read. */
export function fullProjection(spec: ProjectionSpec): Projection {
  return Object.keys(spec.columns);
}

/** The properties a record must hold for `selection`; all of them when there is none. */
export function projectionFor(spec: ProjectionSpec, selection: Selection | undefined): Projection {
  if (!selection) return fullProjection(spec);
  const wanted = new Set(spec.always);
  const needsOf = (name: string) => (spec.needs && Object.hasOwn(spec.needs, name) ? spec.needs[name] : undefined);
  for (const [field, sub] of selection) {
    const needs = needsOf(field) ?? (Object.hasOwn(spec.columns, field) ? [field] : []);
    for (const column of needs) wanted.add(column);
    for (const subField of sub.keys()) for (const column of needsOf(`${field}.${subField}`) ?? []) wanted.add(column);
  }
  return Object.keys(spec.columns).filter((c) => wanted.has(c));
}

/** The Cypher map projection of node variable `v` reading `projection` (unknown names are dropped). */
export function mapProjection(spec: ProjectionSpec, projection: Projection | undefined, v: string): string {
  const columns = (projection ?? fullProjection(spec)).filter((c) => Object.hasOwn(spec.columns, c));
  return `${v} {${columns.map((c) => `${c}: ${spec.columns[c](v)}`).join(", ")}}`;
}
