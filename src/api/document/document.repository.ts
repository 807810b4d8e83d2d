import { byKeys, defineLoader } from "../graphql/context";
import * as q from "./document.cypher";
import type { Meeting } from "../meeting/meeting.type";
import type { Document } from "./document.type";

export const documentById = defineLoader<string, Document | null>(async (db, ids) => {
  const rows = await db.read<{ id: string; document: Document }>(q.DOCUMENTS_BY_ID, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.document,
    null,
  );
});

export const documentByMeeting = defineLoader<string, Document | null>(async (db, ids) => {
  const rows = await db.read<{ id: string; document: Document }>(q.DOCUMENTS_BY_MEETING, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.document,
    null,
  );
});

export const meetingsByDocument = defineLoader<string, Meeting[]>(async (db, ids) => {
  const rows = await db.read<{ id: string; meetings: Meeting[] }>(q.MEETINGS_BY_DOCUMENT, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.meetings,
    [],
  );
});
