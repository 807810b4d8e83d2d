import { keyedLoader } from "../graphql/context";
import * as q from "./document.cypher";
import type { Meeting } from "../meeting/meeting.type";
import type { Document } from "./document.type";

export const documentById = keyedLoader<string, Document | null>({
  cypher: q.DOCUMENTS_BY_ID,
  value: "document",
  missing: null,
});

export const documentByMeeting = keyedLoader<string, Document | null>({
  cypher: q.DOCUMENTS_BY_MEETING,
  value: "document",
  missing: null,
});

export const meetingsByDocument = keyedLoader<string, Meeting[]>({
  cypher: q.MEETINGS_BY_DOCUMENT,
  value: "meetings",
  missing: [],
});
