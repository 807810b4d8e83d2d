import { DEPARTMENT_FIELDS, departmentFields } from "../department/department.cypher";
import { itemFields } from "../item/item.cypher";
import { notRejected } from "../../model/graph.cypher";
import { MEETING_FIELDS } from "../meeting/meeting.cypher";
import { THEME_FIELDS } from "../theme/theme.cypher";

/**
 * Pattern queries read the tallies (see src/pipeline/tally/tally.cypher.ts): small nodes with one entry per
 * meeting, so that a question over years of meetings touches thousands of list entries rather than
 * hundreds of thousands of items. `f` and `u` are the window's first and last day.
 */
const WINDOW = `WITH coalesce(date($from), date('0001-01-01')) AS f, coalesce(date($to), date('9999-12-31')) AS u`;

/** Tallies of the years the window touches (each tally covers one calendar year). */
const YEARS = (s: string) => `${s}.year >= f.year AND ${s}.year <= u.year`;
/**
 * Indexes of a tally's entries inside the window. `dates` must be a variable, not `s.dates`: the
 * runtime reads a property afresh at each use, so `s.dates[i]` in a loop decodes the whole list
 * once per entry (quadratic: 5.8 s for recurringShortcomingThemes at 5,000 meetings).
 */
const inWindow = (dates: string) => `[i IN range(0, size(${dates}) - 1) WHERE ${dates}[i] >= f AND ${dates}[i] <= u]`;
const sum = (list: string, idx: string) => `reduce(n = 0, i IN ${idx} | n + ${list}[i])`;
const SHORTCOMING_COUNTS = (s: string) =>
  `CASE WHEN $primaryOnly THEN ${s}.primaryShortcomings ELSE ${s}.shortcomings END`;

const departmentById = (idExpr: string) =>
  `head(COLLECT { MATCH (d:Department {id: ${idExpr}}) RETURN ${DEPARTMENT_FIELDS} })`;
const themeById = (idExpr: string) => `head(COLLECT { MATCH (t:PolicyTheme {id: ${idExpr}}) RETURN ${THEME_FIELDS} })`;

/** Which costly parts of a recurrence its selection asks for; the others come back null or empty. */
export interface RecurrenceParts {
  /** The departments flagged, as records (a list per theme). */
  departments: boolean;
  /** At how many meetings the theme was flagged (a read of the theme's tallies). */
  meetingCount: boolean;
}

// The answers' shapes, shared by the windowed queries and their all-time twins.
const recurrenceReturn = (
  parts: RecurrenceParts,
) => `RETURN ${themeById("themeId")} AS theme, size(departmentIds) AS departmentCount, shortcomingCount, meetingCount,
       ${parts.departments ? `COLLECT { UNWIND departmentIds AS id MATCH (d:Department {id: id}) RETURN ${DEPARTMENT_FIELDS} }` : "[]"} AS departments
ORDER BY departmentCount DESC, shortcomingCount DESC, theme.position`;
const MATRIX_RETURN = `WHERE achievements + shortcomings + directives > 0
MATCH (d:Department {id: departmentId})
WHERE $kind IS NULL OR d.kind = $kind
RETURN ${DEPARTMENT_FIELDS} AS department, themeId, achievements, shortcomings, directives`;
const COVERAGE_RETURN = `RETURN ${themeById("themeId")} AS theme, shortcomingCount, departmentCount, directiveCount,
       covered AS coveredShortcomings, shortcomingCount - covered AS uncoveredShortcomings,
       toString(lastDirected) AS lastDirected
ORDER BY uncoveredShortcomings DESC, shortcomingCount DESC, theme.position`;

/**
 * Themes whose shortcomings span at least $minDepartments departments in the window, across all
 * meetings in it. A shortcoming counts for its themes and their broader themes; with $primaryOnly
 * only its first theme (and that theme's broader ones) counts. Only the `parts` asked are computed.
 */
export const recurringShortcomingThemes = (parts: RecurrenceParts) => `
${WINDOW}
MATCH (s:DepartmentThemeTally) WHERE ${YEARS("s")}
WITH f, u, s, s.dates AS dates, ${SHORTCOMING_COUNTS("s")} AS counts
WITH f, u, s, counts, ${inWindow("dates")} AS idx
WITH f, u, s, ${sum("counts", "idx")} AS flagged
WHERE flagged > 0
WITH f, u, s.themeId AS themeId, collect(DISTINCT s.departmentId) AS departmentIds, sum(flagged) AS shortcomingCount
WHERE size(departmentIds) >= $minDepartments
${
  parts.meetingCount
    ? `CALL (f, u, themeId) {
  MATCH (y:ThemeTally {themeId: themeId}) WHERE ${YEARS("y")}
  WITH f, u, y.dates AS dates, ${SHORTCOMING_COUNTS("y")} AS counts
  RETURN sum(size([i IN ${inWindow("dates")} WHERE counts[i] > 0])) AS meetingCount
}`
    : "WITH themeId, departmentIds, shortcomingCount, null AS meetingCount"
}
${recurrenceReturn(parts)}`;

/** recurringShortcomingThemes without a window: from the all-time totals, no list is read. */
export const recurringShortcomingThemesAllTime = (parts: RecurrenceParts) => `
MATCH (s:DepartmentThemeTotal)
WITH s, CASE WHEN $primaryOnly THEN s.primaryShortcomings ELSE s.shortcomings END AS flagged
WHERE flagged > 0
WITH s.themeId AS themeId, collect(s.departmentId) AS departmentIds, sum(flagged) AS shortcomingCount
WHERE size(departmentIds) >= $minDepartments
${
  parts.meetingCount
    ? `MATCH (y:ThemeTotal {themeId: themeId})
WITH themeId, departmentIds, shortcomingCount,
     CASE WHEN $primaryOnly THEN y.primaryShortcomingsMeetings ELSE y.shortcomingsMeetings END AS meetingCount`
    : "WITH themeId, departmentIds, shortcomingCount, null AS meetingCount"
}
${recurrenceReturn(parts)}`;

/**
 * Department × theme pairs flagged at $minMeetings or more meetings of the window: the same
 * department faulted for the same gap again and again. The meetings' ids are listed only with
 * `meetingIds` (else null: PERSISTENCE_MEETING_IDS lists them on demand).
 */
export const persistentShortcomings = (meetingIds: boolean) => `
${WINDOW}
MATCH (s:DepartmentThemeTally)
WHERE ${YEARS("s")}
  AND ($departmentId IS NULL OR s.departmentId = $departmentId)
  AND ($themeId IS NULL OR s.themeId = $themeId)
WITH f, u, s, s.dates AS dates, ${SHORTCOMING_COUNTS("s")} AS counts
WITH s, counts, [i IN ${inWindow("dates")} WHERE counts[i] > 0] AS hits
WHERE size(hits) > 0
WITH s, ${meetingIds ? "s.meetingIds AS meetingIds, " : ""}counts, hits
WITH s, size(hits) AS n, ${meetingIds ? "[i IN hits | meetingIds[i]]" : "null"} AS ids, ${sum("counts", "hits")} AS flagged
ORDER BY s.year
WITH s.departmentId AS departmentId, s.themeId AS themeId, sum(n) AS meetingCount,
     ${meetingIds ? "reduce(all = [], l IN collect(ids) | all + l)" : "null"} AS meetingIds, sum(flagged) AS shortcomingCount
WHERE meetingCount >= $minMeetings
ORDER BY meetingCount DESC, shortcomingCount DESC, departmentId, themeId
RETURN ${departmentById("departmentId")} AS department, ${themeById("themeId")} AS theme,
       meetingCount, meetingIds, shortcomingCount`;

/**
 * PERSISTENT_SHORTCOMINGS without a window, from the all-time totals; the meetings of each pair
 * are listed on demand by PERSISTENCE_MEETING_IDS.
 */
export const PERSISTENT_SHORTCOMINGS_ALL_TIME = `
MATCH (s:DepartmentThemeTotal)
WHERE ($departmentId IS NULL OR s.departmentId = $departmentId)
  AND ($themeId IS NULL OR s.themeId = $themeId)
WITH s, CASE WHEN $primaryOnly THEN s.primaryShortcomingsMeetings ELSE s.shortcomingsMeetings END AS meetingCount,
     CASE WHEN $primaryOnly THEN s.primaryShortcomings ELSE s.shortcomings END AS shortcomingCount
WHERE meetingCount > 0 AND meetingCount >= $minMeetings
ORDER BY meetingCount DESC, shortcomingCount DESC, s.departmentId, s.themeId
RETURN ${departmentById("s.departmentId")} AS department, ${themeById("s.themeId")} AS theme,
       meetingCount, null AS meetingIds, shortcomingCount`;

/** The meetings that flagged each department × theme pair ($keys: {key, departmentId, themeId, from, to, primaryOnly}). */
export const PERSISTENCE_MEETING_IDS = `
UNWIND $keys AS k
WITH k, coalesce(date(k.from), date('0001-01-01')) AS f, coalesce(date(k.to), date('9999-12-31')) AS u
CALL (k, f, u) {
  MATCH (s:DepartmentThemeTally {departmentId: k.departmentId, themeId: k.themeId}) WHERE ${YEARS("s")}
  WITH f, u, s {.dates, .meetingIds, counts: CASE WHEN k.primaryOnly THEN s.primaryShortcomings ELSE s.shortcomings END} AS s
  UNWIND ${inWindow("s.dates")} AS i
  WITH s, i WHERE s.counts[i] > 0
  RETURN collect(s.meetingIds[i]) AS meetingIds
}
RETURN k.key AS key, meetingIds`;

/**
 * Departments × top-level themes ($columns) in the window: a department's achievements and
 * shortcomings and the directives addressed to it about each theme; rows with a null theme are the
 * department's totals (each item once, whatever its themes).
 */
export const THEME_MATRIX = `
${WINDOW}
CALL (f, u) {
  MATCH (s:DepartmentThemeTally) WHERE s.themeId IN $columns AND ${YEARS("s")}
  WITH f, u, s, s.dates AS dates, s.achievements AS a, s.shortcomings AS sh, s.directives AS dx
  WITH s, a, sh, dx, ${inWindow("dates")} AS idx
  RETURN s.departmentId AS departmentId, s.themeId AS themeId, ${sum("a", "idx")} AS achievements,
         ${sum("sh", "idx")} AS shortcomings, ${sum("dx", "idx")} AS directives
  UNION ALL
  MATCH (s:DepartmentTally) WHERE ${YEARS("s")}
  WITH f, u, s, s.dates AS dates, s.achievements AS a, s.shortcomings AS sh, s.directives AS dx
  WITH s, a, sh, dx, ${inWindow("dates")} AS idx
  RETURN s.departmentId AS departmentId, null AS themeId, ${sum("a", "idx")} AS achievements,
         ${sum("sh", "idx")} AS shortcomings, ${sum("dx", "idx")} AS directives
}
WITH departmentId, themeId, sum(achievements) AS achievements, sum(shortcomings) AS shortcomings,
     sum(directives) AS directives
${MATRIX_RETURN}`;

/** THEME_MATRIX without a window: from the all-time totals. */
export const THEME_MATRIX_ALL_TIME = `
CALL () {
  MATCH (s:DepartmentThemeTotal) WHERE s.themeId IN $columns
  RETURN s.departmentId AS departmentId, s.themeId AS themeId, s.achievements AS achievements,
         s.shortcomings AS shortcomings, s.directives AS directives
  UNION ALL
  MATCH (s:DepartmentTotal)
  RETURN s.departmentId AS departmentId, null AS themeId, s.achievements AS achievements,
         s.shortcomings AS shortcomings, s.directives AS directives
}
WITH departmentId, themeId, achievements, shortcomings, directives
${MATRIX_RETURN}`;

/** Departments ranked by the Jaccard overlap of their shortcoming themes with one department's. */
export const SIMILAR_DEPARTMENTS = `
MATCH (a:DepartmentThemeTotal {departmentId: $id}) WHERE a.shortcomings > 0
WITH collect(a.themeId) AS mine
MATCH (b:DepartmentThemeTotal) WHERE b.departmentId <> $id AND b.shortcomings > 0
WITH mine, b.departmentId AS other, collect(b.themeId) AS theirs
WITH other, [t IN mine WHERE t IN theirs] AS shared, size(mine) + size(theirs) AS total
WHERE size(shared) > 0
WITH other, shared, toFloat(size(shared)) / (total - size(shared)) AS score
MATCH (b:Department {id: other})
ORDER BY score DESC, size(shared) DESC, b.name, b.id
LIMIT $first
RETURN ${departmentFields("b")} AS department, score,
       COLLECT { UNWIND shared AS id MATCH (t:PolicyTheme {id: id}) RETURN ${THEME_FIELDS} } AS sharedThemes`;

/**
 * Per theme flagged in the window: its shortcomings, the directives about it from the first
 * flagged meeting to the window's end, and how many shortcomings no such directive followed.
 */
export const DIRECTIVE_COVERAGE = `
${WINDOW}
MATCH (y:ThemeTally) WHERE ${YEARS("y")}
WITH f, u, y {.themeId, .dates, .shortcomings, .directives} AS y
WITH f, u, y, ${inWindow("y.dates")} AS idx
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
WITH f, u, themeId, shortcomingCount, directiveCount, lastDirected, y, ${inWindow("y.dates")} AS idx
WITH f, u, themeId, shortcomingCount, directiveCount, lastDirected,
     sum(reduce(n = 0, i IN idx | n + CASE WHEN y.dates[i] <= lastDirected THEN y.shortcomings[i] ELSE 0 END)) AS covered
CALL (f, u, themeId) {
  MATCH (s:DepartmentThemeTally {themeId: themeId}) WHERE ${YEARS("s")}
  WITH f, u, s {.departmentId, .dates, .shortcomings} AS s
  WHERE any(i IN ${inWindow("s.dates")} WHERE s.shortcomings[i] > 0)
  RETURN count(DISTINCT s.departmentId) AS departmentCount
}
${COVERAGE_RETURN}`;

// A tally's entries are in the order meetings were written, which need not be date order.
const earliest = (dates: string) => `reduce(e = null, d IN ${dates} | CASE WHEN e IS NULL OR d < e THEN d ELSE e END)`;
const latest = (dates: string) => `reduce(l = null, d IN ${dates} | CASE WHEN l IS NULL OR d > l THEN d ELSE l END)`;

/**
 * DIRECTIVE_COVERAGE without a window, from the all-time totals: of each theme's year tallies it
 * reads the lists of just the years where the first gap and the last directive fall, and sums the
 * others' totals.
 */
export const DIRECTIVE_COVERAGE_ALL_TIME = `
MATCH (total:ThemeTotal) WHERE total.shortcomings > 0
WITH total.themeId AS themeId, total.shortcomings AS shortcomingCount
CALL (themeId) {
  MATCH (y:ThemeTally {themeId: themeId}) WHERE y.shortcomingsTotal > 0
  WITH y ORDER BY y.year LIMIT 1
  WITH y.dates AS dates, y.shortcomings AS counts
  RETURN ${earliest("[i IN range(0, size(dates) - 1) WHERE counts[i] > 0 | dates[i]]")} AS firstFlagged
}
CALL (themeId, firstFlagged) {
  MATCH (y:ThemeTally {themeId: themeId}) WHERE y.year >= firstFlagged.year AND y.directivesTotal > 0
  WITH y, CASE WHEN y.year = firstFlagged.year THEN y.dates END AS dates,
       CASE WHEN y.year = firstFlagged.year THEN y.directives END AS counts
  WITH y, CASE WHEN dates IS NULL THEN y.directivesTotal
               ELSE reduce(n = 0, i IN range(0, size(dates) - 1) | n + CASE WHEN dates[i] >= firstFlagged THEN counts[i] ELSE 0 END)
          END AS directed
  WHERE directed > 0
  WITH y, directed ORDER BY y.year DESC
  WITH collect(y)[0] AS latest, sum(directed) AS directiveCount
  WITH directiveCount, coalesce(latest.dates, []) AS dates, coalesce(latest.directives, []) AS counts
  RETURN directiveCount,
         ${latest("[i IN range(0, size(dates) - 1) WHERE counts[i] > 0 AND dates[i] >= firstFlagged | dates[i]]")} AS lastDirected
}
CALL (themeId, lastDirected) {
  MATCH (y:ThemeTally {themeId: themeId}) WHERE lastDirected IS NOT NULL AND y.year >= lastDirected.year
  WITH y, CASE WHEN y.year = lastDirected.year THEN y.dates END AS dates,
       CASE WHEN y.year = lastDirected.year THEN y.shortcomings END AS counts
  RETURN sum(CASE WHEN dates IS NULL THEN y.shortcomingsTotal
                  ELSE reduce(n = 0, i IN range(0, size(dates) - 1) | n + CASE WHEN dates[i] > lastDirected THEN counts[i] ELSE 0 END)
             END) AS after
}
WITH themeId, shortcomingCount, directiveCount, lastDirected,
     CASE WHEN lastDirected IS NULL THEN 0 ELSE shortcomingCount - after END AS covered
CALL (themeId) {
  MATCH (s:DepartmentThemeTotal {themeId: themeId}) WHERE s.shortcomings > 0
  RETURN count(s) AS departmentCount
}
${COVERAGE_RETURN}`;

const timelinePoints = (match: string) => `
${WINDOW}
${match}
WITH f, u, s {.meetingIds, .dates, .achievements, .shortcomings, .directives} AS s
WITH s, ${inWindow("s.dates")} AS idx
UNWIND idx AS i
WITH s.meetingIds[i] AS meetingId, s.dates[i] AS date, s.achievements[i] AS achievements,
     s.shortcomings[i] AS shortcomings, s.directives[i] AS directives
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

const RECENT_WINDOW = `${notRejected("x")} AND x.date >= coalesce(date(k.from), date('0001-01-01')) AND x.date <= coalesce(date(k.to), date('9999-12-31'))
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
