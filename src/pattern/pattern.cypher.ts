import { DEPARTMENT_FIELDS } from "../department/department.cypher";
import { itemFields } from "../item/item.cypher";
import { MEETING_FIELDS } from "../meeting/meeting.cypher";
import { THEME_FIELDS } from "../theme/theme.cypher";

/**
 * Pattern queries read the tallies (see src/tally/tally.cypher.ts): small nodes with one entry per
 * meeting, so that a question over years of meetings touches thousands of list entries rather than
 * hundreds of thousands of items. `f` and `u` are the window's first and last day.
 */
const WINDOW = `WITH coalesce(date($from), date('0001-01-01')) AS f, coalesce(date($to), date('9999-12-31')) AS u`;

/** Tallies of the years the window touches (each tally covers one calendar year). */
const YEARS = (s: string) => `${s}.year >= f.year AND ${s}.year <= u.year`;
/** Indexes of a tally's entries inside the window. */
const inWindow = (s: string) => `[i IN range(0, size(${s}.dates) - 1) WHERE ${s}.dates[i] >= f AND ${s}.dates[i] <= u]`;
const sum = (list: string, idx: string) => `reduce(n = 0, i IN ${idx} | n + ${list}[i])`;
const SHORTCOMING_COUNTS = (s: string) =>
  `CASE WHEN $primaryOnly THEN ${s}.primaryShortcomings ELSE ${s}.shortcomings END`;

const departmentById = (idExpr: string) =>
  `head(COLLECT { MATCH (d:Department {id: ${idExpr}}) RETURN ${DEPARTMENT_FIELDS} })`;
const themeById = (idExpr: string) => `head(COLLECT { MATCH (t:PolicyTheme {id: ${idExpr}}) RETURN ${THEME_FIELDS} })`;

/**
 * Themes whose shortcomings span at least $minDepartments departments in the window, across all
 * meetings in it. A shortcoming counts for its themes and their broader themes; with $primaryOnly
 * only its first theme (and that theme's broader ones) counts.
 */
export const RECURRING_SHORTCOMING_THEMES = `
${WINDOW}
MATCH (s:DepartmentThemeTally) WHERE ${YEARS("s")}
WITH f, u, s, ${SHORTCOMING_COUNTS("s")} AS counts, ${inWindow("s")} AS idx
WITH f, u, s, ${sum("counts", "idx")} AS flagged
WHERE flagged > 0
WITH f, u, s.themeId AS themeId, collect(DISTINCT s.departmentId) AS departmentIds, sum(flagged) AS shortcomingCount
WHERE size(departmentIds) >= $minDepartments
CALL (f, u, themeId) {
  MATCH (y:ThemeTally {themeId: themeId}) WHERE ${YEARS("y")}
  WITH f, u, y, ${SHORTCOMING_COUNTS("y")} AS counts
  RETURN sum(size([i IN ${inWindow("y")} WHERE counts[i] > 0])) AS meetingCount
}
RETURN ${themeById("themeId")} AS theme, size(departmentIds) AS departmentCount, shortcomingCount, meetingCount,
       COLLECT { UNWIND departmentIds AS id MATCH (d:Department {id: id}) RETURN ${DEPARTMENT_FIELDS} } AS departments
ORDER BY departmentCount DESC, shortcomingCount DESC, theme.position`;

/**
 * Department × theme pairs flagged at $minMeetings or more meetings of the window: the same
 * department faulted for the same gap again and again.
 */
export const PERSISTENT_SHORTCOMINGS = `
${WINDOW}
MATCH (s:DepartmentThemeTally)
WHERE ${YEARS("s")}
  AND ($departmentId IS NULL OR s.departmentId = $departmentId)
  AND ($themeId IS NULL OR s.themeId = $themeId)
WITH f, u, s, ${SHORTCOMING_COUNTS("s")} AS counts
WITH s, counts, [i IN ${inWindow("s")} WHERE counts[i] > 0] AS hits
WHERE size(hits) > 0
WITH s, size(hits) AS n, [i IN hits | s.meetingIds[i]] AS ids, ${sum("counts", "hits")} AS flagged
ORDER BY s.year
WITH s.departmentId AS departmentId, s.themeId AS themeId, sum(n) AS meetingCount,
     reduce(all = [], l IN collect(ids) | all + l) AS meetingIds, sum(flagged) AS shortcomingCount
WHERE meetingCount >= $minMeetings
ORDER BY meetingCount DESC, shortcomingCount DESC, departmentId, themeId
RETURN ${departmentById("departmentId")} AS department, ${themeById("themeId")} AS theme,
       meetingCount, meetingIds, shortcomingCount`;

/**
 * Departments × top-level themes ($columns) in the window: a department's achievements and
 * shortcomings and the directives addressed to it about each theme; rows with a null theme are the
 * department's totals (each item once, whatever its themes).
 */
export const THEME_MATRIX = `
${WINDOW}
CALL (f, u) {
  MATCH (s:DepartmentThemeTally) WHERE s.themeId IN $columns AND ${YEARS("s")}
  WITH f, u, s, ${inWindow("s")} AS idx
  RETURN s.departmentId AS departmentId, s.themeId AS themeId, ${sum("s.achievements", "idx")} AS achievements,
         ${sum("s.shortcomings", "idx")} AS shortcomings, ${sum("s.directives", "idx")} AS directives
  UNION ALL
  MATCH (s:DepartmentTally) WHERE ${YEARS("s")}
  WITH f, u, s, ${inWindow("s")} AS idx
  RETURN s.departmentId AS departmentId, null AS themeId, ${sum("s.achievements", "idx")} AS achievements,
         ${sum("s.shortcomings", "idx")} AS shortcomings, ${sum("s.directives", "idx")} AS directives
}
WITH departmentId, themeId, sum(achievements) AS achievements, sum(shortcomings) AS shortcomings,
     sum(directives) AS directives
WHERE achievements + shortcomings + directives > 0
MATCH (d:Department {id: departmentId})
WHERE $kind IS NULL OR d.kind = $kind
RETURN ${DEPARTMENT_FIELDS} AS department, themeId, achievements, shortcomings, directives`;

/** Departments ranked by the Jaccard overlap of their shortcoming themes with one department's. */
export const SIMILAR_DEPARTMENTS = `
MATCH (a:DepartmentThemeTally {departmentId: $id}) WHERE a.shortcomingsTotal > 0
WITH collect(DISTINCT a.themeId) AS mine
MATCH (b:DepartmentThemeTally) WHERE b.departmentId <> $id AND b.shortcomingsTotal > 0
WITH mine, b.departmentId AS other, collect(DISTINCT b.themeId) AS theirs
WITH other, [t IN mine WHERE t IN theirs] AS shared, size(mine) + size(theirs) AS total
WHERE size(shared) > 0
WITH other, shared, toFloat(size(shared)) / (total - size(shared)) AS score
MATCH (b:Department {id: other})
ORDER BY score DESC, size(shared) DESC, b.name, b.id
LIMIT $first
RETURN b {.id, .name, .fullName, .nameEn, .aliases, .kind, .curated, __typename: 'Department'} AS department, score,
       COLLECT { UNWIND shared AS id MATCH (t:PolicyTheme {id: id}) RETURN ${THEME_FIELDS} } AS sharedThemes`;

/**
 * Per theme flagged in the window: its shortcomings, the directives about it from the first
 * flagged meeting to the window's end, and how many shortcomings no such directive followed.
 */
export const DIRECTIVE_COVERAGE = `
${WINDOW}
MATCH (y:ThemeTally) WHERE ${YEARS("y")}
WITH f, u, y, ${inWindow("y")} AS idx
WITH f, u, y.themeId AS themeId, collect(y) AS years, sum(${sum("y.shortcomings", "idx")}) AS shortcomingCount,
     min(reduce(first = null, i IN idx |
       CASE WHEN y.shortcomings[i] > 0 AND (first IS NULL OR y.dates[i] < first) THEN y.dates[i] ELSE first END)) AS firstFlagged
WHERE shortcomingCount > 0
UNWIND years AS y
WITH f, u, themeId, years, shortcomingCount, firstFlagged, y,
     [i IN range(0, size(y.dates) - 1) WHERE y.dates[i] >= firstFlagged AND y.dates[i] <= u AND y.directives[i] > 0] AS directed
WITH f, u, themeId, years, shortcomingCount, sum(${sum("y.directives", "directed")}) AS directiveCount,
     max(reduce(last = null, i IN directed | CASE WHEN last IS NULL OR y.dates[i] > last THEN y.dates[i] ELSE last END)) AS lastDirected
UNWIND years AS y
WITH f, u, themeId, shortcomingCount, directiveCount, lastDirected, y, ${inWindow("y")} AS idx
WITH f, u, themeId, shortcomingCount, directiveCount, lastDirected,
     sum(reduce(n = 0, i IN idx | n + CASE WHEN y.dates[i] <= lastDirected THEN y.shortcomings[i] ELSE 0 END)) AS covered
CALL (f, u, themeId) {
  MATCH (s:DepartmentThemeTally {themeId: themeId})
  WHERE ${YEARS("s")}
    AND any(i IN range(0, size(s.dates) - 1) WHERE s.dates[i] >= f AND s.dates[i] <= u AND s.shortcomings[i] > 0)
  RETURN count(DISTINCT s.departmentId) AS departmentCount
}
RETURN ${themeById("themeId")} AS theme, shortcomingCount, departmentCount, directiveCount,
       covered AS coveredShortcomings, shortcomingCount - covered AS uncoveredShortcomings,
       toString(lastDirected) AS lastDirected
ORDER BY uncoveredShortcomings DESC, shortcomingCount DESC, theme.position`;

const timelinePoints = (match: string, directives = "s.directives") => `
${WINDOW}
${match}
WITH f, u, s, ${inWindow("s")} AS idx
UNWIND idx AS i
WITH s.meetingIds[i] AS meetingId, s.dates[i] AS date, s.achievements[i] AS achievements,
     s.shortcomings[i] AS shortcomings, ${directives}[i] AS directives
MATCH (m:Meeting {id: meetingId})
RETURN ${MEETING_FIELDS} AS meeting, achievements, shortcomings, directives
ORDER BY date, meetingId`;

/**
 * Item counts per meeting for plotting, oldest first: the meetings with any item under the filter
 * (a theme includes its narrower themes; a department's directives are those addressed to it).
 */
export const TIMELINE = {
  theme: timelinePoints(`MATCH (s:ThemeTally {themeId: $themeId}) WHERE ${YEARS("s")}`),
  department: timelinePoints(`MATCH (s:DepartmentTally {departmentId: $departmentId}) WHERE ${YEARS("s")}`),
  departmentTheme: timelinePoints(
    `MATCH (s:DepartmentThemeTally {departmentId: $departmentId, themeId: $themeId}) WHERE ${YEARS("s")}`,
  ),
  all: `
${WINDOW}
MATCH (m:Meeting) WHERE m.date >= f AND m.date <= u
RETURN ${MEETING_FIELDS} AS meeting, m.achievementCount AS achievements, m.shortcomingCount AS shortcomings,
       m.directiveCount AS directives
ORDER BY m.date, m.id`,
};

const RECENT_WINDOW = `x.date >= coalesce(date(k.from), date('0001-01-01')) AND x.date <= coalesce(date(k.to), date('9999-12-31'))
  AND (NOT k.primaryOnly OR a.rank = 0)`;

/** The newest shortcomings about each theme (a key per theme and window), up to each key's limit. */
export const RECENT_SHORTCOMINGS_OF_THEME = `
UNWIND $keys AS k
CALL (k) {
  MATCH (:PolicyTheme {id: k.themeId})<-[:BROADER*0..3]-(:PolicyTheme)<-[a:ABOUT]-(x:Shortcoming)
  WHERE ${RECENT_WINDOW}
  WITH DISTINCT x ORDER BY x.date DESC, x.meetingId, x.position
  WITH collect(${itemFields("Shortcoming")}) AS all
  RETURN all[0..k.limit] AS items
}
RETURN k.key AS key, items`;

/** The newest shortcomings of each department about each theme, up to each key's limit. */
export const RECENT_SHORTCOMINGS_OF_DEPARTMENT = `
UNWIND $keys AS k
CALL (k) {
  MATCH (:Department {id: k.departmentId})-[:GAVE]->(:Report)-[:FELL_SHORT]->(x:Shortcoming)-[a:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(:PolicyTheme {id: k.themeId})
  WHERE ${RECENT_WINDOW}
  WITH DISTINCT x ORDER BY x.date DESC, x.meetingId, x.position
  WITH collect(${itemFields("Shortcoming")}) AS all
  RETURN all[0..k.limit] AS items
}
RETURN k.key AS key, items`;
