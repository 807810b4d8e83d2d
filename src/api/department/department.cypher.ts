import { mapProjection, Projection, ProjectionSpec } from "../graphql/projection";
import { notRejected } from "../../model/graph.cypher";
import { THEME_FIELDS } from "../theme/theme.cypher";

/**
 * What a department record can read (see ../graphql/projection): its parent's id comes from its
 * PART_OF link (nodes written before parents were stored have none); its aliases include the names
 * of bodies a curator merged into it. A portfolio not stored is read from the name and kind.
 */
export const DEPARTMENT_SPEC: ProjectionSpec = {
  columns: {
    id: (v) => `${v}.id`,
    name: (v) => `${v}.name`,
    fullName: (v) => `${v}.fullName`,
    nameEn: (v) => `${v}.nameEn`,
    aliases: (v) => `coalesce(${v}.aliases, []) + coalesce(${v}.mergedAliases, [])`,
    kind: (v) => `${v}.kind`,
    curated: (v) => `${v}.curated`,
    parentId: (v) => `head([(${v})-[:PART_OF]->(up:Department) | up.id])`,
    assignedThemeIds: (v) => `${v}.assignedThemes`,
    __typename: () => `'Department'`,
  },
  always: ["id", "__typename"],
  needs: { parent: ["parentId"], assignedThemes: ["assignedThemeIds", "name", "kind"] },
};

/** The projection of a department node (variable `v`, default `d`) into a Department record: all of it, or `projection`. */
export const departmentFields = (v = "d", projection?: Projection) => mapProjection(DEPARTMENT_SPEC, projection, v);
export const DEPARTMENT_FIELDS = departmentFields();

const DEPARTMENT_FILTER = `($kind IS NULL OR d.kind = $kind) AND ($contains IS NULL OR d.searchText CONTAINS $contains)
    AND ($parentId IS NULL OR EXISTS { (d)-[:PART_OF]->(:Department {id: $parentId}) })`;

// Departments that reported most come first; ties by name, then id, for a stable order.
export const departmentPageQuery = (projection?: Projection) => `
CALL {
  MATCH (d:Department) WHERE ${DEPARTMENT_FILTER}
  RETURN count(d) AS total
}
CALL {
  MATCH (d:Department) WHERE ${DEPARTMENT_FILTER}
  WITH d, COUNT { (d)-[:GAVE]->(:Report) } AS reports
  ORDER BY reports DESC, d.name, d.id
  SKIP $skip LIMIT $limit
  RETURN collect(${departmentFields("d", projection)}) AS nodes
}
RETURN total, nodes`;

// An id merged away (../correction) answers with the body it was merged into.
export const departmentsByIdQuery = (projection?: Projection) => `
UNWIND $ids AS id
OPTIONAL MATCH (redirect:Redirect {fromId: id})
MATCH (d:Department {id: coalesce(redirect.toId, id)})
RETURN id, ${departmentFields("d", projection)} AS department`;

export const departmentsByReportQuery = (projection?: Projection) => `
UNWIND $ids AS id
MATCH (d:Department)-[:GAVE]->(:Report {id: id})
WITH id, d ORDER BY d.name
RETURN id, collect(${departmentFields("d", projection)}) AS departments`;

export const ADDRESSEES_BY_DIRECTIVE = `
UNWIND $ids AS id
MATCH (:Directive {id: id})-[:ADDRESSED_TO]->(d:Department)
WITH id, d ORDER BY d.name
RETURN id, collect(${DEPARTMENT_FIELDS}) AS departments`;

// A department's themes: those of its shortcomings and achievements, most frequent first.
export const THEMES_BY_DEPARTMENT = `
UNWIND $ids AS id
MATCH (:Department {id: id})-[:GAVE]->(:Report)-[:ACHIEVED|FELL_SHORT]->(x)-[:ABOUT]->(t:PolicyTheme)
WHERE ${notRejected("x")}
WITH id, t, count(x) AS n ORDER BY n DESC, t.position
RETURN id, collect(${THEME_FIELDS}) AS themes`;

// A body's parts: its districts, bureaus, towns and streets, by name.
export const partsByDepartmentQuery = (projection?: Projection) => `
UNWIND $ids AS id
MATCH (:Department {id: id})<-[:PART_OF]-(d:Department)
WITH id, d ORDER BY d.name, d.id
RETURN id, collect(${departmentFields("d", projection)}) AS departments`;

export const HOST_BY_MEETING = `
UNWIND $ids AS id
MATCH (:Meeting {id: id})-[:HELD_BY]->(d:Department)
RETURN id, ${DEPARTMENT_FIELDS} AS department`;
