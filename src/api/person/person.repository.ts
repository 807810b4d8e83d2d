import { byKeys, defineLoader } from "../graphql/context";
import type { History } from "../graphql/history.args";
import type { Meeting } from "../meeting/meeting.type";
import * as q from "./person.cypher";
import type { Person } from "./person.type";

export const personById = defineLoader<string, Person | null>(async (db, ids) => {
  const rows = await db.read<{ id: string; person: Person }>(q.PEOPLE_BY_ID, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.person,
    null,
  );
});

export const chairByMeeting = defineLoader<string, Person | null>(async (db, ids) => {
  const rows = await db.read<{ id: string; person: Person }>(q.CHAIRS_BY_MEETING, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.person,
    null,
  );
});

export const attendeesByMeeting = defineLoader<string, Person[]>(async (db, ids) => {
  const rows = await db.read<{ id: string; people: Person[] }>(q.ATTENDEES_BY_MEETING, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.people,
    [],
  );
});

/** Meetings a person chaired or attended, newest first; with a history, only those it bounds. */
export const meetingsByPerson = defineLoader<string, Meeting[], History>(async (db, ids, history) => {
  const rows = await db.read<{ id: string; meetings: Meeting[] }>(
    history ? q.meetingsByPersonWithin(history.last !== null) : q.MEETINGS_BY_PERSON,
    history ? { ids, ...history } : { ids },
  );
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.meetings,
    [],
  );
});
