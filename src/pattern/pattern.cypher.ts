import { DEPARTMENT_FIELDS } from "../department/department.cypher";
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
