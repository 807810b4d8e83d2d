/** The projection of a theme node `t` into a PolicyTheme record. */
export const THEME_FIELDS = `t {.id, .name, .nameEn, .parentId, .position, __typename: 'PolicyTheme'}`;

export const ALL_THEMES = `
MATCH (t:PolicyTheme)
RETURN ${THEME_FIELDS} AS theme
ORDER BY t.position`;

export const THEMES_BY_ID = `
UNWIND $ids AS id
MATCH (t:PolicyTheme {id: id})
RETURN id, ${THEME_FIELDS} AS theme`;

export const CHILDREN_BY_PARENT = `
UNWIND $ids AS id
OPTIONAL MATCH (t:PolicyTheme)-[:BROADER]->(:PolicyTheme {id: id})
WITH id, t ORDER BY t.position
RETURN id, collect(${THEME_FIELDS}) AS themes`;
