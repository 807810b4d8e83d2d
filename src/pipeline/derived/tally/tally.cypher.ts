import { DERIVING } from "../derived.cypher";
import { notRejected } from "../../../model/graph.cypher";

/**
 * Tallies: per-meeting counts kept beside the graph so that pattern queries over years of meetings
 * read a few thousand small nodes instead of every item. Each tally node covers one calendar year
 * and holds parallel lists with one entry per meeting (dates, meetingIds, counts) and running
 * totals: a year bounds the lists, so appending a meeting costs the same after decades of history.
 * Counts roll narrower themes up to their broader themes. A meeting's entries are appended once,
 * when it is derived (see ../derived): in the transaction that writes it, or with its bulk batch.
 * - DepartmentThemeTally {departmentId, themeId, year}: the department's achievements, shortcomings
 *   (all, and those whose most fitting theme leads to this one) and directives addressed to it.
 * - ThemeTally {themeId, year}: all items about the theme, per meeting of that year.
 * - DepartmentTally {departmentId, year}: the department's items whatever their themes.
 * Beside each count list a year tally keeps `<count>Total` (its sum) and `<count>Meetings` (the
 * entries above zero). The all-time totals DepartmentThemeTotal {departmentId, themeId},
 * ThemeTotal {themeId} and DepartmentTotal {departmentId} hold just those two numbers per count:
 * a question without a date window reads a couple of thousand of them and no list at all.
 */

const listOf = (c: string) => `${c}List`;

/**
 * Appends a batch's entries to each year tally (`tally`, one row per tally and meeting), oldest
 * meeting first, and adds them to the all-time total of the same key: one rewrite of each list per
 * batch, however many of the batch's meetings it counts.
 */
const appendEntries = (label: string, keys: string[], counts: string[]) => `
WITH tally, m, ${counts.join(", ")} ORDER BY m.date, m.id
WITH tally, collect(m.date) AS dates, collect(m.id) AS meetingIds, ${counts.map((c) => `collect(${c}) AS ${listOf(c)}`).join(", ")}
WITH tally, dates, meetingIds, ${counts.map(listOf).join(", ")},
     ${counts.map((c) => `reduce(n = 0, x IN ${listOf(c)} | n + x) AS ${c}, size([x IN ${listOf(c)} WHERE x > 0]) AS ${c}Meetings`).join(",\n     ")}
SET tally.dates = coalesce(tally.dates, []) + dates,
    tally.meetingIds = coalesce(tally.meetingIds, []) + meetingIds,
    ${counts.map((c) => `tally.${c} = coalesce(tally.${c}, []) + ${listOf(c)}`).join(",\n    ")},
    ${addCounts("tally", counts)}
WITH tally, ${counts.flatMap((c) => [c, `${c}Meetings`]).join(", ")}
MERGE (total:${label} {${keys.map((k) => `${k}: tally.${k}`).join(", ")}})
SET ${addCounts("total", counts)}`;

// A tally's `<count>Total` and an all-time total's `<count>` are sums; `<count>Meetings` counts the
// meetings with any.
const addCounts = (node: string, counts: string[]) =>
  counts
    .map((c) => {
      const sum = node === "tally" ? `${c}Total` : c;
      return `${node}.${sum} = coalesce(${node}.${sum}, 0) + ${c}, ${node}.${c}Meetings = coalesce(${node}.${c}Meetings, 0) + ${c}Meetings`;
    })
    .join(",\n    ");

const ITEM_THEMES = `
  WITH t, x, type(rel) AS rel, min(a.rank) AS rank`;
const ITEM_COUNTS = `count(CASE rel WHEN 'ACHIEVED' THEN x END) AS achievements,
         count(CASE rel WHEN 'FELL_SHORT' THEN x END) AS shortcomings,
         count(CASE WHEN rel = 'FELL_SHORT' AND rank = 0 THEN x END) AS primaryShortcomings,
         0 AS directives`;
const COUNTS = ["achievements", "shortcomings", "primaryShortcomings", "directives"];
const DEPARTMENT_COUNTS = ["achievements", "shortcomings", "directives"];

export const TALLY_DEPARTMENT_THEMES = `${DERIVING}
CALL (m) {
  MATCH (m)<-[:AT]-(r:Report)<-[:GAVE]-(d:Department)
  MATCH (r)-[rel:ACHIEVED|FELL_SHORT]->(x)-[a:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
  WHERE ${notRejected("x")}
  WITH d, t, x, type(rel) AS rel, min(a.rank) AS rank
  RETURN d.id AS departmentId, t.id AS themeId, ${ITEM_COUNTS}
  UNION ALL
  MATCH (m)-[:ISSUED]->(x:Directive)-[:ADDRESSED_TO]->(d:Department)
  WHERE ${notRejected("x")}
  MATCH (x)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
  WITH d, t, count(DISTINCT x) AS n
  RETURN d.id AS departmentId, t.id AS themeId, 0 AS achievements, 0 AS shortcomings, 0 AS primaryShortcomings, n AS directives
}
WITH m, departmentId, themeId, sum(achievements) AS achievements, sum(shortcomings) AS shortcomings,
     sum(primaryShortcomings) AS primaryShortcomings, sum(directives) AS directives
MERGE (tally:DepartmentThemeTally {departmentId: departmentId, themeId: themeId, year: m.date.year})
${appendEntries("DepartmentThemeTotal", ["departmentId", "themeId"], COUNTS)}`;

export const TALLY_THEMES = `${DERIVING}
CALL (m) {
  MATCH (m)<-[:AT]-(:Report)-[rel:ACHIEVED|FELL_SHORT]->(x)-[a:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
  WHERE ${notRejected("x")}
  ${ITEM_THEMES}
  RETURN t.id AS themeId, ${ITEM_COUNTS}
  UNION ALL
  MATCH (m)-[:ISSUED]->(x:Directive)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
  WHERE ${notRejected("x")}
  WITH t, count(DISTINCT x) AS n
  RETURN t.id AS themeId, 0 AS achievements, 0 AS shortcomings, 0 AS primaryShortcomings, n AS directives
}
WITH m, themeId, sum(achievements) AS achievements, sum(shortcomings) AS shortcomings,
     sum(primaryShortcomings) AS primaryShortcomings, sum(directives) AS directives
MERGE (tally:ThemeTally {themeId: themeId, year: m.date.year})
${appendEntries("ThemeTotal", ["themeId"], COUNTS)}`;

export const TALLY_DEPARTMENTS = `${DERIVING}
SET m.achievementCount = COUNT { (m)<-[:AT]-(:Report)-[:ACHIEVED]->(x) WHERE ${notRejected("x")} },
    m.shortcomingCount = COUNT { (m)<-[:AT]-(:Report)-[:FELL_SHORT]->(x) WHERE ${notRejected("x")} },
    m.directiveCount = COUNT { (m)-[:ISSUED]->(x) WHERE ${notRejected("x")} }
WITH m
CALL (m) {
  MATCH (m)<-[:AT]-(r:Report)<-[:GAVE]-(d:Department)
  RETURN d.id AS departmentId, COUNT { (r)-[:ACHIEVED]->(x) WHERE ${notRejected("x")} } AS achievements,
         COUNT { (r)-[:FELL_SHORT]->(x) WHERE ${notRejected("x")} } AS shortcomings, 0 AS directives
  UNION ALL
  MATCH (m)-[:ISSUED]->(x:Directive)-[:ADDRESSED_TO]->(d:Department)
  WHERE ${notRejected("x")}
  RETURN d.id AS departmentId, 0 AS achievements, 0 AS shortcomings, count(DISTINCT x) AS directives
}
WITH m, departmentId, sum(achievements) AS achievements, sum(shortcomings) AS shortcomings, sum(directives) AS directives
MERGE (tally:DepartmentTally {departmentId: departmentId, year: m.date.year})
${appendEntries("DepartmentTotal", ["departmentId"], DEPARTMENT_COUNTS)}`;

/** The statements that add a batch of meetings' entries to the tallies. */
export const TALLY_MEETINGS = [TALLY_DEPARTMENT_THEMES, TALLY_THEMES, TALLY_DEPARTMENTS];

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
 * The upgrade of derived data version 4, which had the year tallies but neither meeting counters nor
 * all-time totals: both follow from them, no rebuild needed.
 */
export const TALLY_UPGRADE_FROM_V4: string[] = [
  yearCounters("DepartmentThemeTally", COUNTS),
  yearCounters("ThemeTally", COUNTS),
  yearCounters("DepartmentTally", DEPARTMENT_COUNTS),
  totalsFromYears("DepartmentThemeTally", "DepartmentThemeTotal", ["departmentId", "themeId"], COUNTS),
  totalsFromYears("ThemeTally", "ThemeTotal", ["themeId"], COUNTS),
  totalsFromYears("DepartmentTally", "DepartmentTotal", ["departmentId"], DEPARTMENT_COUNTS),
];

/**
 * Takes the entries of a batch of meetings ($batch.meetingIds, of the years $batch.years) out of the
 * year tallies of `label` and their all-time totals, so that the meetings can be derived again (a
 * correction changed what they hold). A year tally or total left with nothing is deleted, as a
 * fresh derivation would not have made it. One row per tally, then one per total: a node is
 * written once per statement.
 */
const removeEntries = (label: string, totalLabel: string, keys: string[], counts: string[]) => `
MATCH (tally:${label}) WHERE tally.year IN $batch.years
WITH tally, tally.meetingIds AS ids
WITH tally, ids, [i IN range(0, size(ids) - 1) WHERE ids[i] IN $batch.meetingIds] AS drop
WHERE size(drop) > 0
WITH tally, ids, drop, [i IN range(0, size(ids) - 1) WHERE NOT i IN drop] AS keep, tally.dates AS dates,
     ${counts.map((c) => `tally.${c} AS ${listOf(c)}`).join(", ")}
WITH tally, ids, keep, dates, ${counts.map(listOf).join(", ")},
     ${counts.map((c) => `reduce(n = 0, i IN drop | n + ${listOf(c)}[i]) AS ${c}, size([i IN drop WHERE ${listOf(c)}[i] > 0]) AS ${c}Meetings`).join(",\n     ")}
SET tally.dates = [i IN keep | dates[i]], tally.meetingIds = [i IN keep | ids[i]],
    ${counts.map((c) => `tally.${c} = [i IN keep | ${listOf(c)}[i]], tally.${c}Total = tally.${c}Total - ${c}, tally.${c}Meetings = tally.${c}Meetings - ${c}Meetings`).join(",\n    ")}
WITH tally, ${keys.map((k) => `tally.${k} AS ${k}`).join(", ")}, ${counts.flatMap((c) => [c, `${c}Meetings`]).join(", ")}
FOREACH (_ IN CASE WHEN size(tally.meetingIds) = 0 THEN [1] ELSE [] END | DELETE tally)
WITH ${keys.join(", ")}, ${counts.map((c) => `sum(${c}) AS ${c}, sum(${c}Meetings) AS ${c}Meetings`).join(", ")}
MATCH (total:${totalLabel} {${keys.map((k) => `${k}: ${k}`).join(", ")}})
SET ${counts.map((c) => `total.${c} = total.${c} - ${c}, total.${c}Meetings = total.${c}Meetings - ${c}Meetings`).join(",\n    ")}
WITH total WHERE ${counts.map((c) => `total.${c} = 0`).join(" AND ")}
DELETE total`;

/** The statements that take a batch of meetings' entries out of the tallies (see removeEntries). */
export const UNTALLY_MEETINGS = [
  removeEntries("DepartmentThemeTally", "DepartmentThemeTotal", ["departmentId", "themeId"], COUNTS),
  removeEntries("ThemeTally", "ThemeTotal", ["themeId"], COUNTS),
  removeEntries("DepartmentTally", "DepartmentTotal", ["departmentId"], DEPARTMENT_COUNTS),
];

// The year tallies a meeting's entries may be in: those of its departments (which change only
// after its derivation is undone) and of every theme (its items' tags, or the scheme's hierarchy,
// may have changed since it was derived); of those, only the tallies holding an entry of it.
const MEETING_DEPARTMENT_IDS = `
  COLLECT { MATCH (m)<-[:AT]-(:Report)<-[:GAVE]-(d:Department) RETURN DISTINCT d.id } +
  COLLECT { MATCH (m)-[:ISSUED]->(:Directive)-[:ADDRESSED_TO]->(d:Department) RETURN DISTINCT d.id }`;
const ALL_THEME_IDS = `COLLECT { MATCH (t:PolicyTheme) RETURN t.id }`;

const TALLY_KEYS: Record<string, { keys: string[]; lists: Record<string, string> }> = {
  DepartmentThemeTally: {
    keys: ["departmentId", "themeId"],
    lists: { departmentId: MEETING_DEPARTMENT_IDS, themeId: ALL_THEME_IDS },
  },
  ThemeTally: { keys: ["themeId"], lists: { themeId: ALL_THEME_IDS } },
  DepartmentTally: { keys: ["departmentId"], lists: { departmentId: MEETING_DEPARTMENT_IDS } },
};

/**
 * Takes one derived meeting's entries ($meetingId) out of the year tallies of `label` and brings
 * their sums, meeting counts and all-time totals back to what the other meetings give; a tally or
 * total left with no meeting is deleted (a rebuild would not make it). Reads the meeting's
 * departments from what it states now, so it runs before that changes. One meeting per statement:
 * the entry's position is read from each list, which a second meeting's row must see rewritten.
 */
const removeMeeting = (label: keyof typeof TALLY_KEYS, total: string, counts: string[]) => {
  const { keys, lists } = TALLY_KEYS[label];
  const lists_ = ["dates", "meetingIds", ...counts];
  const keyMap = (from: string) => keys.map((k) => `${k}: ${from}${k}`).join(", ");
  return `
MATCH (m:Meeting {id: $meetingId}) WHERE m.pendingDerivation IS NULL
WITH m, m.date.year AS year, ${keys.map((k) => `${lists[k]} AS ${k}s`).join(",\n     ")}
${keys.map((k) => `UNWIND ${k}s AS ${k}`).join("\n")}
WITH DISTINCT m, year, ${keys.join(", ")}
MATCH (tally:${label} {${keyMap("")}, year: year})
WITH m, tally, tally.meetingIds AS ids
WITH tally, [i IN range(0, size(ids) - 1) WHERE ids[i] = m.id][0] AS i
WHERE i IS NOT NULL
WITH tally, i, ${lists_.map((l) => `tally.${l} AS ${l}`).join(", ")}
WITH tally, ${lists_.map((l) => `${l}[..i] + ${l}[i + 1..] AS ${l}`).join(", ")}
SET ${lists_.map((l) => `tally.${l} = ${l}`).join(", ")},
    ${counts.map((c) => `tally.${c}Total = reduce(n = 0, x IN ${c} | n + x), tally.${c}Meetings = size([x IN ${c} WHERE x > 0])`).join(",\n    ")}
WITH tally, ${keys.map((k) => `tally.${k} AS ${k}`).join(", ")}, size(meetingIds) = 0 AS empty
CALL (tally, empty) {
  WITH tally WHERE empty
  DELETE tally
}
WITH DISTINCT ${keys.join(", ")}
MATCH (total:${total} {${keyMap("")}})
OPTIONAL MATCH (y:${label} {${keyMap("")}})
WITH total, collect(y) AS years
CALL (total, years) {
  WITH total WHERE size(years) = 0
  DELETE total
}
CALL (total, years) {
  WITH total, years WHERE size(years) > 0
  SET ${counts.map((c) => `total.${c} = reduce(n = 0, y IN years | n + y.${c}Total), total.${c}Meetings = reduce(n = 0, y IN years | n + y.${c}Meetings)`).join(",\n      ")}
}`;
};

/**
 * The statements that take one derived meeting's entries ($meetingId) out of the tallies, before
 * what it states changes (re-extraction, corrections); TALLY_MEETINGS adds them again once it is
 * pending and derived anew.
 */
export const TALLY_REMOVE_MEETING = [
  removeMeeting("DepartmentThemeTally", "DepartmentThemeTotal", COUNTS),
  removeMeeting("ThemeTally", "ThemeTotal", COUNTS),
  removeMeeting("DepartmentTally", "DepartmentTotal", DEPARTMENT_COUNTS),
];
