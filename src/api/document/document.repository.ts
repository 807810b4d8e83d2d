import { keyedLoader } from "../graphql/context";
import { Projection, projectionFor } from "../graphql/projection";
import type { Selection } from "../graphql/selection";
import * as q from "./document.cypher";
import type { Meeting } from "../meeting/meeting.type";
import type { Document } from "./document.type";

/** The projection a document selection needs (every property without one). */
export const documentProjection = (selection: Selection | undefined): Projection =>
  projectionFor(q.DOCUMENT_SPEC, selection);

/** What cutting an item's evidence from its document reads. */
export const TEXT_ONLY = documentProjection(new Map([["text", new Map()]]));

/** Documents by id, reading the projection's properties (all without one). */
export const documentById = keyedLoader<string, Document | null, Projection>({
  cypher: q.documentsByIdQuery,
  value: "document",
  missing: null,
});

/** The document recording each meeting, reading the projection's properties (all without one). */
export const documentByMeeting = keyedLoader<string, Document | null, Projection>({
  cypher: q.documentsByMeetingQuery,
  value: "document",
  missing: null,
});

export const meetingsByDocument = keyedLoader<string, Meeting[]>({
  cypher: q.MEETINGS_BY_DOCUMENT,
  value: "meetings",
  missing: [],
});
