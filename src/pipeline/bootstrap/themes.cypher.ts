/** Keeps the graph's theme scheme equal to the shipped catalog (names, parents). */
export const SYNC_THEMES = `
UNWIND $themes AS row
MERGE (t:PolicyTheme:Entity {id: row.id})
SET t.name = row.zh, t.nameEn = row.en, t.keywords = row.keywords, t.position = row.position, t.parentId = row.parent
WITH t, row
OPTIONAL MATCH (t)-[old:BROADER]->(p:PolicyTheme)
WHERE p.id <> coalesce(row.parent, '')
DELETE old
WITH DISTINCT t, row
WHERE row.parent IS NOT NULL
MATCH (parent:PolicyTheme {id: row.parent})
MERGE (t)-[:BROADER]->(parent)`;
