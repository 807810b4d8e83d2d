import { keyedLoader } from "../graphql/context";
import type { History } from "../graphql/history.args";
import type { Meeting } from "../meeting/meeting.type";
import * as q from "./person.cypher";
import type { Person } from "./person.type";

export const personById = keyedLoader<string, Person | null>({
  cypher: q.PEOPLE_BY_ID,
  value: "person",
  missing: null,
});

export const chairByMeeting = keyedLoader<string, Person | null>({
  cypher: q.CHAIRS_BY_MEETING,
  value: "person",
  missing: null,
});

export const attendeesByMeeting = keyedLoader<string, Person[]>({
  cypher: q.ATTENDEES_BY_MEETING,
  value: "people",
  missing: [],
});

/** Meetings a person chaired or attended, newest first; with a history, only those it bounds. */
export const meetingsByPerson = keyedLoader<string, Meeting[], History>({
  cypher: (history) => (history ? q.meetingsByPersonWithin(history.last !== null) : q.MEETINGS_BY_PERSON),
  params: (ids, history) => ({ ids, ...history }),
  value: "meetings",
  missing: [],
});
