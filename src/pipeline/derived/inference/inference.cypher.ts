import { DERIVING } from "../derived.cypher";
import { notRejected } from "../../../model/graph.cypher";

/**
 * Inferred links "this directive answers that shortcoming": (:Directive)-[:ADDRESSES]->(:Shortcoming)
 * with {rule, themes, reason, inferred: true} (next-meeting links also carry their `theme`). They are
 * derived, never stated by a text, and kept apart from the stated relationships. Three rules, each
 * bounded so that the number of links grows with the graph, not with its square:
 * - same-meeting: a directive of the shortcoming's own meeting that shares a theme with it;
 * - next-meeting: per top-level theme of the shortcoming, the directives on that theme of the first
 *   later meeting that issued any (the follow-up on the gap); of each such meeting of that day when
 *   there are several;
 * - names-department: the directives addressed to its department at the first meeting, the same or
 *   a later one, that addressed any to it (the gaps since the department was last named).
 * Each statement derives the links of a batch of newly written meetings ($batch.meetingIds, see DERIVING):
 * the meeting of a document written through the API in the document's own transaction, bulk
 * ingests a batch at a time. The rules read the whole graph, so the links come out the same
 * whatever the order and batching of the documents.
 */

// The first meeting after (or the last before) a date that directed on a theme or named a
// department, from the writer's directive index (DIRECTIVE_INDEX): one seek in (key, date,
// meetingId) order, whatever the number of meetings in between. The predicate on meetingId is there
// because an index hint needs one on every property of the index.
const firstMeeting = (
  label: "MeetingDirectiveTheme" | "MeetingAddressee",
  key: "themeId" | "departmentId",
  keyValue: string,
  dateComparison: string,
  direction: "ASC" | "DESC",
  returns: "x" | "x.date" | "x.date AS day",
) => `
  MATCH (x:${label}) USING INDEX x:${label}(${key}, date, meetingId)
  WHERE x.${key} = ${keyValue} AND x.date ${dateComparison} AND x.meetingId IS NOT NULL
  RETURN ${returns} ORDER BY x.${key} ${direction}, x.date ${direction}, x.meetingId ${direction} LIMIT 1`;

// The directives on theme t of every meeting held on `day` that directed on it, as dx.
const DIRECTIVES_OF_DAY = `
MATCH (x:MeetingDirectiveTheme) USING INDEX x:MeetingDirectiveTheme(themeId, date, meetingId)
WHERE x.themeId = t.id AND x.date = day AND x.meetingId IS NOT NULL
MATCH (:Meeting {id: x.meetingId})-[:ISSUED]->(dx:Directive)
WHERE (dx)-[:ABOUT]->(t) AND ${notRejected("dx")}`;

// Ordered by the shortcoming's own tag rank (most fitting first) so that reasons are stable.
const SHARED = `COLLECT { MATCH (s)-[r:ABOUT]->(t:PolicyTheme) WHERE (dx)-[:ABOUT]->(t) RETURN t.id ORDER BY r.rank, t.id }`;
const joined = (list: string) => `reduce(out = '', x IN ${list} | out + CASE out WHEN '' THEN '' ELSE ', ' END + x)`;
const NEXT_MEETING_REASON = `'first later meeting to direct on ' + t.id + ' (' + toString(dx.date) + ')'`;
const NEXT_MEETING_LINK = `
MERGE (dx)-[a:ADDRESSES {rule: 'next-meeting', theme: t.id}]->(s)
SET a.inferred = true, a.themes = [t.id], a.reason = ${NEXT_MEETING_REASON}`;
const NAMES_DEPARTMENT_LINK = `
MERGE (dx)-[a:ADDRESSES {rule: 'names-department'}]->(s)
SET a.inferred = true, a.themes = ${SHARED},
    a.reason = 'addressed to ' + d.name + ', whose shortcoming it is'`;

// Each side's themes are read once and the pairs matched in memory (a meeting has dozens of
// directives and shortcomings: hundreds of pairs). Shared themes in the shortcoming's tag order.
// CREATE, not MERGE: only this rule links a meeting's own directives and shortcomings, and a
// meeting is derived once (DERIVING).
export const INFER_SAME_MEETING = `${DERIVING}
MATCH (m)-[:ISSUED]->(dx:Directive)
WHERE ${notRejected("dx")}
WITH m, collect({dx: dx, themes: COLLECT { MATCH (dx)-[:ABOUT]->(t:PolicyTheme) RETURN t.id }}) AS directives
MATCH (m)<-[:AT]-(:Report)-[:FELL_SHORT]->(s:Shortcoming)
WHERE ${notRejected("s")}
WITH directives, s, COLLECT { MATCH (s)-[r:ABOUT]->(t:PolicyTheme) RETURN t.id ORDER BY r.rank, t.id } AS flagged
UNWIND directives AS directive
WITH directive.dx AS dx, s, [id IN flagged WHERE id IN directive.themes] AS shared
WHERE size(shared) > 0
CREATE (dx)-[:ADDRESSES {rule: 'same-meeting', inferred: true, themes: shared,
                         reason: 'issued at the same meeting; both about ' + ${joined("shared")}}]->(s)`;

// The new meeting's shortcomings: follow each top-level theme to the first later day with a
// directive on it (one look-up per meeting and theme, not per shortcoming), then to every meeting of
// that day that directed on it. Scanning directives by date instead made a rebuild quadratic, and
// walking meetings by date grew with the meetings crossed. CREATE, not MERGE: a shortcoming gets its
// next-meeting links here first, as INFER_NEXT_MEETING_FOR_DIRECTIVES leaves pending meetings alone.
export const INFER_NEXT_MEETING_FOR_SHORTCOMINGS = `${DERIVING}
MATCH (m)<-[:AT]-(:Report)-[:FELL_SHORT]->(s:Shortcoming)-[:ABOUT]->(t:PolicyTheme)
WHERE t.parentId IS NULL AND ${notRejected("s")}
WITH m, t, collect(s) AS gaps
CALL (m, t) {${firstMeeting("MeetingDirectiveTheme", "themeId", "t.id", "> m.date", "ASC", "x.date AS day")}
}
${DIRECTIVES_OF_DAY}
UNWIND gaps AS s
CREATE (dx)-[:ADDRESSES {rule: 'next-meeting', theme: t.id, inferred: true, themes: [t.id],
                         reason: ${NEXT_MEETING_REASON}}]->(s)`;

// The new meeting's directives may be an earlier gap's first follow-up: re-point the next-meeting
// links of the shortcomings between the previous directive on the theme and this meeting. Only the
// meetings derived already are looked at, a few by the meeting date index: a pending meeting's
// shortcomings are linked by INFER_NEXT_MEETING_FOR_SHORTCOMINGS when it is derived (earlier in this
// transaction for this batch), which sees this meeting. Scanning the shortcomings of those days
// instead re-linked the whole batch a second time.
export const INFER_NEXT_MEETING_FOR_DIRECTIVES = `${DERIVING}
MATCH (m)-[:ISSUED]->(d0:Directive)-[:ABOUT]->(t:PolicyTheme)
WHERE t.parentId IS NULL AND ${notRejected("d0")}
WITH DISTINCT m, t
WITH m, t, head(COLLECT {${firstMeeting("MeetingDirectiveTheme", "themeId", "t.id", "< m.date", "DESC", "x.date")}
}) AS previous
MATCH (earlier:Meeting) USING INDEX earlier:Meeting(date)
WHERE earlier.date < m.date AND earlier.date >= coalesce(previous, date('0001-01-01')) AND earlier.pendingDerivation IS NULL
MATCH (earlier)<-[:AT]-(:Report)-[:FELL_SHORT]->(s:Shortcoming)
WHERE (s)-[:ABOUT]->(t) AND ${notRejected("s")}
CALL (s, t, m) {
  MATCH (later:Directive)-[old:ADDRESSES {rule: 'next-meeting', theme: t.id}]->(s)
  WHERE later.date > m.date
  DELETE old
}
WITH DISTINCT m, t, s
MATCH (m)-[:ISSUED]->(dx:Directive)
WHERE (dx)-[:ABOUT]->(t) AND ${notRejected("dx")}
${NEXT_MEETING_LINK}`;

// The new meeting's directives naming a department answer that department's gaps since the
// previous meeting that named it; links of those gaps to a later naming are re-pointed here. The
// previous naming is a look-up in the directive index (the department's directives, thousands
// after years, are not read).
export const INFER_NAMES_DEPARTMENT_FOR_DIRECTIVES = `${DERIVING}
MATCH (m)-[:ISSUED]->(d0:Directive)-[:ADDRESSED_TO]->(d:Department)
WHERE ${notRejected("d0")}
WITH DISTINCT m, d
WITH m, d, head(COLLECT {${firstMeeting("MeetingAddressee", "departmentId", "d.id", "< m.date", "DESC", "x.date")}
}) AS previous
MATCH (d)-[:GAVE]->(r:Report)
WHERE r.date <= m.date AND (previous IS NULL OR r.date > previous)
MATCH (r)-[:FELL_SHORT]->(s:Shortcoming)
WHERE ${notRejected("s")}
CALL (s, m) {
  MATCH (later:Directive)-[old:ADDRESSES {rule: 'names-department'}]->(s)
  WHERE later.date > m.date
  DELETE old
}
WITH DISTINCT m, d, s
MATCH (m)-[:ISSUED]->(dx:Directive)
WHERE (dx)-[:ADDRESSED_TO]->(d) AND ${notRejected("dx")}
${NAMES_DEPARTMENT_LINK}`;

// The new meeting's shortcomings: the first meeting, the same or later, that named the department,
// a look-up in the directive index (reading the directives addressed to the department instead grew
// with its whole history: 1.3 ms per meeting at 600 meetings, 5.6 ms at 3,000).
export const INFER_NAMES_DEPARTMENT_FOR_SHORTCOMINGS = `${DERIVING}
MATCH (m)<-[:AT]-(:Report)<-[:GAVE]-(d:Department)
WITH DISTINCT m, d
CALL (m, d) {${firstMeeting("MeetingAddressee", "departmentId", "d.id", ">= m.date", "ASC", "x")}
}
MATCH (naming:Meeting {id: x.meetingId})-[:ISSUED]->(dx:Directive)
WHERE (dx)-[:ADDRESSED_TO]->(d) AND ${notRejected("dx")}
MATCH (m)<-[:AT]-(report:Report)<-[:GAVE]-(d), (report)-[:FELL_SHORT]->(s:Shortcoming)
WHERE ${notRejected("s")}
${NAMES_DEPARTMENT_LINK}`;

/**
 * The upgrade of derived data version 5, whose next-meeting rule linked a shortcoming derived after
 * two meetings of the same day to one of them only: the other meetings of that day get their links.
 */
export const NEXT_MEETING_UPGRADE_FROM_V5 = `
MATCH (:Directive)-[a:ADDRESSES {rule: 'next-meeting'}]->(s:Shortcoming)
WITH DISTINCT s, a.theme AS themeId, startNode(a).date AS day
MATCH (t:PolicyTheme {id: themeId})
${DIRECTIVES_OF_DAY}
${NEXT_MEETING_LINK}`;

/**
 * The meetings, other than $batch.meetingIds, whose shortcomings those meetings' directives answer:
 * when what those meetings state changes, the answer may move to another meeting, so they are
 * derived again with them.
 */
export const ANSWERED_MEETINGS = `
UNWIND $batch.meetingIds AS meetingId
MATCH (:Meeting {id: meetingId})-[:ISSUED]->(:Directive)-[:ADDRESSES]->(s:Shortcoming)
WHERE NOT s.meetingId IN $batch.meetingIds
RETURN DISTINCT s.meetingId AS id`;

/** Deletes every inferred link from or to the items of the derived meetings among $batch.meetingIds. */
export const UNLINK_MEETINGS = `
UNWIND $batch.meetingIds AS meetingId
MATCH (m:Meeting {id: meetingId}) WHERE m.pendingDerivation IS NULL
CALL (m) {
  MATCH (m)-[:ISSUED]->(:Directive)-[a:ADDRESSES]->()
  DELETE a
}
CALL (m) {
  MATCH (m)<-[:AT]-(:Report)-[:FELL_SHORT]->(:Shortcoming)<-[a:ADDRESSES]-()
  DELETE a
}`;

/** All inference statements for a batch of new meetings, in the order they run. */
export const INFERENCES = [
  INFER_SAME_MEETING,
  INFER_NEXT_MEETING_FOR_SHORTCOMINGS,
  INFER_NEXT_MEETING_FOR_DIRECTIVES,
  INFER_NAMES_DEPARTMENT_FOR_DIRECTIVES,
  INFER_NAMES_DEPARTMENT_FOR_SHORTCOMINGS,
];
