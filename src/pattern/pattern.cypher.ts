import { DEPARTMENT_FIELDS, departmentFields } from "../department/department.cypher";
import { itemFields } from "../item/item.cypher";
import { MEETING_FIELDS } from "../meeting/meeting.cypher";
import { THEME_FIELDS } from "../theme/theme.cypher";

/**
 * Themes whose shortcomings span at least $minDepartments departments in a window, across all
 * meetings in it. A shortcoming counts for its themes and their broader themes; with $primaryOnly
 * only its first theme (and that theme's broader ones) counts.
 */
export const RECURRING_SHORTCOMING_THEMES = `
MATCH (d:Department)-[:GAVE]->(:Report)-[:FELL_SHORT]->(x:Shortcoming)-[a:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
WHERE ($from IS NULL OR x.date >= date($from)) AND ($to IS NULL OR x.date <= date($to))
  AND (NOT $primaryOnly OR a.rank = 0)
WITH t, d, x ORDER BY x.date DESC, x.meetingId, x.position
WITH t, collect(DISTINCT d) AS departments, collect(DISTINCT x) AS items, collect(DISTINCT x.meetingId) AS meetings
WHERE size(departments) >= $minDepartments
RETURN ${THEME_FIELDS} AS theme,
       size(departments) AS departmentCount,
       size(items) AS shortcomingCount,
       size(meetings) AS meetingCount,
       [d IN departments | ${DEPARTMENT_FIELDS}] AS departments,
       [x IN items[0..$shortcomingLimit] | ${itemFields("Shortcoming")}] AS shortcomings
ORDER BY departmentCount DESC, shortcomingCount DESC, t.position`;

/**
 * Department × theme pairs flagged at $minMeetings or more meetings: the same department faulted
 * for the same gap again and again. A shortcoming counts for its themes and their broader themes.
 */
export const PERSISTENT_SHORTCOMINGS = `
MATCH (d:Department)-[:GAVE]->(:Report)-[:FELL_SHORT]->(x:Shortcoming)-[a:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
WHERE ($departmentId IS NULL OR d.id = $departmentId) AND ($themeId IS NULL OR t.id = $themeId)
  AND ($from IS NULL OR x.date >= date($from)) AND ($to IS NULL OR x.date <= date($to))
  AND (NOT $primaryOnly OR a.rank = 0)
MATCH (m:Meeting {id: x.meetingId})
WITH d, t, x, m ORDER BY x.date DESC, x.meetingId, x.position
WITH d, t, collect(DISTINCT x) AS items, collect(DISTINCT m) AS meetings
WHERE size(meetings) >= $minMeetings
RETURN ${DEPARTMENT_FIELDS} AS department,
       ${THEME_FIELDS} AS theme,
       size(meetings) AS meetingCount,
       [m IN meetings | ${MEETING_FIELDS}] AS meetings,
       [x IN items[0..$shortcomingLimit] | ${itemFields("Shortcoming")}] AS shortcomings,
       size(items) AS shortcomingCount
ORDER BY meetingCount DESC, shortcomingCount DESC, d.name, t.position`;

// Items of a department about a top-level theme: a tag on a narrower theme counts for its parent.
const TOP_THEME = `(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme WHERE t.parentId IS NULL)`;
const MATRIX_WINDOW = `($kind IS NULL OR d.kind = $kind) AND ($from IS NULL OR x.date >= date($from)) AND ($to IS NULL OR x.date <= date($to))`;
const MATRIX_PARTS = [
  ["achievements", "(d:Department)-[:GAVE]->(:Report)-[:ACHIEVED]->(x:Achievement)"],
  ["shortcomings", "(d:Department)-[:GAVE]->(:Report)-[:FELL_SHORT]->(x:Shortcoming)"],
  ["directives", "(d:Department)<-[:ADDRESSED_TO]-(x:Directive)"],
] as const;

/**
 * Departments × top-level themes: per cell, how many achievements and shortcomings of the
 * department and how many directives addressed to it are about the theme, in the window. Rows with
 * a null theme are the department's totals (each item once, whatever its themes).
 */
export const THEME_MATRIX = `
CALL {
  ${MATRIX_PARTS.map(
    ([what, path]) => `MATCH ${path}-[:ABOUT]->${TOP_THEME}
  WHERE ${MATRIX_WINDOW}
  RETURN d, t.id AS themeId, count(DISTINCT x) AS n, '${what}' AS what
  UNION ALL
  MATCH ${path}
  WHERE ${MATRIX_WINDOW}
  RETURN d, null AS themeId, count(x) AS n, '${what}' AS what`,
  ).join("\n  UNION ALL\n  ")}
}
RETURN ${DEPARTMENT_FIELDS} AS department, themeId, what, n`;

/** Departments ranked by the Jaccard overlap of their shortcoming themes with one department's. */
export const SIMILAR_DEPARTMENTS = `
MATCH (a:Department {id: $id})
OPTIONAL MATCH (a)-[:GAVE]->(:Report)-[:FELL_SHORT]->(:Shortcoming)-[:ABOUT]->(ta:PolicyTheme)
WITH a, collect(DISTINCT ta) AS mine
UNWIND mine AS shared
MATCH (shared)<-[:ABOUT]-(:Shortcoming)<-[:FELL_SHORT]-(:Report)<-[:GAVE]-(b:Department)
WHERE b <> a
WITH a, mine, collect(DISTINCT b) AS candidates
UNWIND candidates AS b
MATCH (b)-[:GAVE]->(:Report)-[:FELL_SHORT]->(:Shortcoming)-[:ABOUT]->(tb:PolicyTheme)
WITH a, mine, b, collect(DISTINCT tb) AS theirs
WITH b, [t IN mine WHERE t IN theirs] AS shared, size(mine) + size(theirs) AS total
WITH b, shared, toFloat(size(shared)) / (total - size(shared)) AS score
ORDER BY score DESC, size(shared) DESC, b.name, b.id
LIMIT $first
RETURN ${departmentFields("b")} AS department, score,
       [t IN shared | ${THEME_FIELDS}] AS sharedThemes`;

/**
 * Per theme flagged in the window: its shortcomings, the directives about it at the same or later
 * meetings (up to the window's end), and how many shortcomings no such directive follows.
 */
export const DIRECTIVE_COVERAGE = `
MATCH (x:Shortcoming)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t:PolicyTheme)
WHERE ($from IS NULL OR x.date >= date($from)) AND ($to IS NULL OR x.date <= date($to))
WITH t, collect(DISTINCT x) AS items, min(x.date) AS firstFlagged
CALL (t, firstFlagged) {
  OPTIONAL MATCH (dx:Directive)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(t)
  WHERE dx.date >= firstFlagged AND ($to IS NULL OR dx.date <= date($to))
  RETURN count(DISTINCT dx) AS directives, max(dx.date) AS lastDirected
}
WITH t, items, directives, lastDirected,
     size([x IN items WHERE lastDirected IS NOT NULL AND x.date <= lastDirected]) AS covered
CALL (items) {
  UNWIND items AS x
  MATCH (d:Department)-[:GAVE]->(:Report {id: x.reportId})
  RETURN count(DISTINCT d) AS departments
}
RETURN ${THEME_FIELDS} AS theme, size(items) AS shortcomingCount, departments AS departmentCount,
       directives AS directiveCount, covered AS coveredShortcomings, size(items) - covered AS uncoveredShortcomings,
       toString(lastDirected) AS lastDirected
ORDER BY uncoveredShortcomings DESC, shortcomingCount DESC, t.position`;

/** Item counts per meeting for plotting, oldest first; a theme includes its narrower themes. */
export const TIMELINE = `
MATCH (m:Meeting)
WHERE ($from IS NULL OR m.date >= date($from)) AND ($to IS NULL OR m.date <= date($to))
  AND ($departmentId IS NULL OR EXISTS { (:Department {id: $departmentId})-[:GAVE]->(:Report)-[:AT]->(m) }
       OR EXISTS { (m)-[:ISSUED]->(:Directive)-[:ADDRESSED_TO]->(:Department {id: $departmentId}) })
CALL (m) {
  OPTIONAL MATCH (m)<-[:AT]-(r:Report)-[:ACHIEVED]->(x:Achievement)
  WHERE ($departmentId IS NULL OR EXISTS { (:Department {id: $departmentId})-[:GAVE]->(r) })
    AND ($themeId IS NULL OR EXISTS { (x)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(:PolicyTheme {id: $themeId}) })
  RETURN count(DISTINCT x) AS achievements
}
CALL (m) {
  OPTIONAL MATCH (m)<-[:AT]-(r:Report)-[:FELL_SHORT]->(x:Shortcoming)
  WHERE ($departmentId IS NULL OR EXISTS { (:Department {id: $departmentId})-[:GAVE]->(r) })
    AND ($themeId IS NULL OR EXISTS { (x)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(:PolicyTheme {id: $themeId}) })
  RETURN count(DISTINCT x) AS shortcomings
}
CALL (m) {
  OPTIONAL MATCH (m)-[:ISSUED]->(x:Directive)
  WHERE ($departmentId IS NULL OR EXISTS { (x)-[:ADDRESSED_TO]->(:Department {id: $departmentId}) })
    AND ($themeId IS NULL OR EXISTS { (x)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(:PolicyTheme {id: $themeId}) })
  RETURN count(DISTINCT x) AS directives
}
RETURN ${MEETING_FIELDS} AS meeting, achievements, shortcomings, directives
ORDER BY m.date, m.id`;
