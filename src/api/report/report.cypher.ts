export const REPORT_FIELDS = `r {.id, .order, .subject, date: toString(r.date), meetingId: m.id, __typename: 'Report'}`;

export const REPORTS_BY_ID = `
UNWIND $ids AS id
MATCH (r:Report {id: id})-[:AT]->(m:Meeting)
RETURN id, ${REPORT_FIELDS} AS report`;

export const REPORTS_BY_MEETING = `
UNWIND $ids AS id
MATCH (r:Report)-[:AT]->(m:Meeting {id: id})
WITH id, r, m ORDER BY r.order
RETURN id, collect(${REPORT_FIELDS}) AS reports`;

// A department's reports, newest meeting first.
export const REPORTS_BY_DEPARTMENT = `
UNWIND $ids AS id
MATCH (:Department {id: id})-[:GAVE]->(r:Report)-[:AT]->(m:Meeting)
WITH id, r, m ORDER BY m.date DESC, m.id
RETURN id, collect(${REPORT_FIELDS}) AS reports`;

/**
 * A department's reports bounded by a history window ($from, $to) and, with `last`, only the
 * newest $last: the order and limit are applied per department inside the batch.
 */
export const reportsByDepartmentWithin = (last: boolean) => `
UNWIND $ids AS id
CALL (id) {
  MATCH (:Department {id: id})-[:GAVE]->(r:Report)-[:AT]->(m:Meeting)
  WHERE ($from IS NULL OR m.date >= date($from)) AND ($to IS NULL OR m.date <= date($to))
  WITH r, m ORDER BY m.date DESC, m.id${last ? "\n  LIMIT $last" : ""}
  RETURN collect(${REPORT_FIELDS}) AS reports
}
RETURN id, reports`;
