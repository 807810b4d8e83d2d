import { byKeys, defineLoader } from "../graphql/context";
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

export const meetingsByPerson = defineLoader<string, Meeting[]>(async (db, ids) => {
  const rows = await db.read<{ id: string; meetings: Meeting[] }>(q.MEETINGS_BY_PERSON, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.meetings,
    [],
  );
});
