/**
 * Tallies: per-meeting counts kept beside the graph so that pattern queries over years of meetings
 * read a few thousand small nodes instead of every item. Each tally node covers one calendar year
 * and holds parallel lists with one entry per meeting (dates, meetingIds, counts) and running
 * totals: a year bounds the lists, so appending a meeting costs the same after decades of history. Counts roll narrower themes
 * up to their broader themes. A meeting's entries are appended once, in the transaction that
 * writes it (and rebuilt from the graph by `rebuildDerived`).
 * - DepartmentThemeTally {departmentId, themeId, year}: the department's achievements, shortcomings
 *   (all, and those whose most fitting theme leads to this one) and directives addressed to it.
 * - ThemeTally {themeId, year}: all items about the theme, per meeting of that year.
 * - DepartmentTally {departmentId, year}: the department's items whatever their themes.
 * Beside each count list a year tally keeps `<count>Total` (its sum) and `<count>Meetings` (the
 * entries above zero). The all-time totals DepartmentThemeTotal {departmentId, themeId},
 * ThemeTotal {themeId} and DepartmentTotal {departmentId} hold just those two numbers per count:
 * a question without a date window reads a couple of thousand of them and no list at all.
 */

const appendEntry = (tally: string, counts: string[]) => `
WITH m, ${tally}, ${counts.join(", ")}
WHERE NOT m.id IN coalesce(${tally}.meetingIds, [])
SET ${tally}.dates = coalesce(${tally}.dates, []) + m.date,
    ${tally}.meetingIds = coalesce(${tally}.meetingIds, []) + m.id,
    ${counts.map((c) => `${tally}.${c} = coalesce(${tally}.${c}, []) + ${c}, ${tally}.${c}Total = coalesce(${tally}.${c}Total, 0) + ${c}`).join(",\n    ")},
    ${meetingCounters(tally, counts)}`;

// Counted in a meeting's entry: how many meetings had any.
const meetingCounters = (node: string, counts: string[]) =>
  counts
    .map((c) => `${node}.${c}Meetings = coalesce(${node}.${c}Meetings, 0) + CASE WHEN ${c} > 0 THEN 1 ELSE 0 END`)
    .join(",\n    ");

/** Adds an entry that was just appended to a year tally to the all-time total of the same key. */
const addToTotal = (label: string, keys: string[], counts: string[]) => `
WITH m, tally, ${counts.join(", ")}
MERGE (total:${label} {${keys.map((k) => `${k}: tally.${k}`).join(", ")}})
SET ${counts.map((c) => `total.${c} = coalesce(total.${c}, 0) + ${c}`).join(",\n    ")},
    ${meetingCounters("total", counts)}`;

const ITEM_THEMES = `
  WITH t, x, type(rel) AS rel, min(a.rank) AS rank`;
const ITEM_COUNTS = `count(CASE rel WHEN 'ACHIEVED' THEN x END) AS achievements,
         count(CASE rel WHEN 'FELL_SHORT' THEN x END) AS shortcomings,
         count(CASE WHEN rel = 'FELL_SHORT' AND rank = 0 THEN x END) AS primaryShortcomings,
         0 AS directives`;
const COUNTS = ["achievements", "shortcomings", "primaryShortcomings", "directives"];
const DEPARTMENT_COUNTS = ["achievements", "shortcomings", "directives"];

export const TALLY_DEPARTMENT_THEMES = `
MATCH (m:Meeting {id: $meetingId})
CALL (m) {
  MATCH (m)<-[:AT]-(r:Report)<-[:GAVE]-(d:Department)
  MATCH (r)-[rel:ACHIEVED|FELL_SHORT]->(x)-[a:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
  WITH d, t, x, type(rel) AS rel, min(a.rank) AS rank
  RETURN d.id AS departmentId, t.id AS themeId, ${ITEM_COUNTS}
  UNION ALL
  MATCH (m)-[:ISSUED]->(x:Directive)-[:ADDRESSED_TO]->(d:Department)
  MATCH (x)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
  WITH d, t, count(DISTINCT x) AS n
  RETURN d.id AS departmentId, t.id AS themeId, 0 AS achievements, 0 AS shortcomings, 0 AS primaryShortcomings, n AS directives
}
WITH m, departmentId, themeId, sum(achievements) AS achievements, sum(shortcomings) AS shortcomings,
     sum(primaryShortcomings) AS primaryShortcomings, sum(directives) AS directives
MERGE (tally:DepartmentThemeTally {departmentId: departmentId, themeId: themeId, year: m.date.year})
${appendEntry("tally", COUNTS)}
${addToTotal("DepartmentThemeTotal", ["departmentId", "themeId"], COUNTS)}`;

export const TALLY_THEMES = `
MATCH (m:Meeting {id: $meetingId})
CALL (m) {
  MATCH (m)<-[:AT]-(:Report)-[rel:ACHIEVED|FELL_SHORT]->(x)-[a:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
  ${ITEM_THEMES}
  RETURN t.id AS themeId, ${ITEM_COUNTS}
  UNION ALL
  MATCH (m)-[:ISSUED]->(x:Directive)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
  WITH t, count(DISTINCT x) AS n
  RETURN t.id AS themeId, 0 AS achievements, 0 AS shortcomings, 0 AS primaryShortcomings, n AS directives
}
WITH m, themeId, sum(achievements) AS achievements, sum(shortcomings) AS shortcomings,
     sum(primaryShortcomings) AS primaryShortcomings, sum(directives) AS directives
MERGE (tally:ThemeTally {themeId: themeId, year: m.date.year})
${appendEntry("tally", COUNTS)}
${addToTotal("ThemeTotal", ["themeId"], COUNTS)}`;

export const TALLY_DEPARTMENTS = `
MATCH (m:Meeting {id: $meetingId})
SET m.achievementCount = COUNT { (m)<-[:AT]-(:Report)-[:ACHIEVED]->() },
    m.shortcomingCount = COUNT { (m)<-[:AT]-(:Report)-[:FELL_SHORT]->() },
    m.directiveCount = COUNT { (m)-[:ISSUED]->() }
WITH m
CALL (m) {
  MATCH (m)<-[:AT]-(r:Report)<-[:GAVE]-(d:Department)
  RETURN d.id AS departmentId, COUNT { (r)-[:ACHIEVED]->() } AS achievements,
         COUNT { (r)-[:FELL_SHORT]->() } AS shortcomings, 0 AS directives
  UNION ALL
  MATCH (m)-[:ISSUED]->(x:Directive)-[:ADDRESSED_TO]->(d:Department)
  RETURN d.id AS departmentId, 0 AS achievements, 0 AS shortcomings, count(DISTINCT x) AS directives
}
WITH m, departmentId, sum(achievements) AS achievements, sum(shortcomings) AS shortcomings, sum(directives) AS directives
MERGE (tally:DepartmentTally {departmentId: departmentId, year: m.date.year})
${appendEntry("tally", DEPARTMENT_COUNTS)}
${addToTotal("DepartmentTotal", ["departmentId"], DEPARTMENT_COUNTS)}`;

/** The statements that add one meeting's entries to the tallies. */
export const TALLY_MEETING = [TALLY_DEPARTMENT_THEMES, TALLY_THEMES, TALLY_DEPARTMENTS];

/** Marks which version of the derived data (inferred links, tallies) the graph holds. */
export const DERIVED_VERSION = `
OPTIONAL MATCH (v:Maintenance {id: 'derived'})
RETURN v.version AS version`;

export const SET_DERIVED_VERSION = `
MERGE (v:Maintenance {id: 'derived'})
SET v.version = $version, v.rebuiltAt = datetime()`;

export const DROP_DERIVED = `
CALL {
  MATCH ()-[a:ADDRESSES]->() WITH a LIMIT 50000 DELETE a RETURN count(*) AS links
}
CALL {
  MATCH (t) WHERE t:DepartmentThemeTally OR t:ThemeTally OR t:DepartmentTally
     OR t:DepartmentThemeTotal OR t:ThemeTotal OR t:DepartmentTotal
  WITH t LIMIT 50000 DELETE t RETURN count(*) AS tallies
}
RETURN links + tallies AS deleted`;

export const MEETINGS_IN_ORDER = `
MATCH (m:Meeting)
RETURN m.id AS id ORDER BY m.date, m.id`;

const yearCounters = (label: string, counts: string[]) => `
MATCH (t:${label})
SET ${counts.map((c) => `t.${c}Meetings = size([x IN t.${c} WHERE x > 0])`).join(", ")}`;

const totalsFromYears = (year: string, total: string, keys: string[], counts: string[]) => `
MATCH (t:${year})
WITH ${keys.map((k) => `t.${k} AS ${k}`).join(", ")},
     ${counts.map((c) => `sum(t.${c}Total) AS ${c}, sum(t.${c}Meetings) AS ${c}Meetings`).join(", ")}
MERGE (total:${total} {${keys.map((k) => `${k}: ${k}`).join(", ")}})
SET ${counts.map((c) => `total.${c} = ${c}, total.${c}Meetings = ${c}Meetings`).join(", ")}`;

/**
 * Upgrades of derived data that need no rebuild, by the version they start from: version 4 had the
 * year tallies but neither meeting counters nor all-time totals, which both follow from them.
 */
export const DERIVED_UPGRADES: Record<number, string[]> = {
  4: [
    yearCounters("DepartmentThemeTally", COUNTS),
    yearCounters("ThemeTally", COUNTS),
    yearCounters("DepartmentTally", DEPARTMENT_COUNTS),
    totalsFromYears("DepartmentThemeTally", "DepartmentThemeTotal", ["departmentId", "themeId"], COUNTS),
    totalsFromYears("ThemeTally", "ThemeTotal", ["themeId"], COUNTS),
    totalsFromYears("DepartmentTally", "DepartmentTotal", ["departmentId"], DEPARTMENT_COUNTS),
  ],
};
