import { MEETING_FIELDS } from "../meeting/meeting.cypher";

export const PERSON_FIELDS = `p {.id, .name, .nameEn, __typename: 'Person'}`;

export const PEOPLE_BY_ID = `
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, ${PERSON_FIELDS} AS person`;

export const CHAIRS_BY_MEETING = `
UNWIND $ids AS id
MATCH (p:Person)-[:CHAIRED]->(:Meeting {id: id})
RETURN id, ${PERSON_FIELDS} AS person`;

export const ATTENDEES_BY_MEETING = `
UNWIND $ids AS id
MATCH (p:Person)-[a:ATTENDED]->(:Meeting {id: id})
WITH id, p ORDER BY a.order
RETURN id, collect(${PERSON_FIELDS}) AS people`;

export const MEETINGS_BY_PERSON = `
UNWIND $ids AS id
MATCH (:Person {id: id})-[:CHAIRED|ATTENDED]->(m:Meeting)
WITH id, m ORDER BY m.date DESC
RETURN id, collect(DISTINCT ${MEETING_FIELDS}) AS meetings`;

/**
 * A person's meetings bounded by a history window ($from, $to) and, with `last`, only the newest
 * $last: the order and limit are applied per person inside the batch.
 */
export const meetingsByPersonWithin = (last: boolean) => `
UNWIND $ids AS id
CALL (id) {
  MATCH (:Person {id: id})-[:CHAIRED|ATTENDED]->(m:Meeting)
  WHERE ($from IS NULL OR m.date >= date($from)) AND ($to IS NULL OR m.date <= date($to))
  WITH DISTINCT m ORDER BY m.date DESC, m.id${last ? "\n  LIMIT $last" : ""}
  RETURN collect(${MEETING_FIELDS}) AS meetings
}
RETURN id, meetings`;
