import { Queryable } from "../db/neo4j";
import { GraphRows } from "./graph-rows";
import * as q from "./ingest.cypher";

export type WriteStatus = "created" | "unchanged";

export interface WriteResult {
  status: WriteStatus;
  meetingId: string;
  documentId: string;
}

/**
 * The one "extraction → graph" writer (seed, CLI and API all use it): one transaction per
 * document, MERGE on stable ids. A document already in the graph (same body hash) is reported
 * `unchanged` and nothing is written.
 */
export async function writeReadout(db: Queryable, rows: GraphRows): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.run<{ documentId: string; meetingId: string | null }>(q.FIND_DOCUMENT, {
      sha256: rows.document.sha256,
    });
    if (existing) {
      return { status: "unchanged", documentId: existing.documentId, meetingId: existing.meetingId ?? rows.meeting.id };
    }
    const meetingId = rows.meeting.id;
    const documentId = rows.document.id;
    await tx.run(q.MERGE_DOCUMENT_AND_MEETING, { document: rows.document, meeting: rows.meeting });
    if (rows.chairs.length) await tx.run(q.MERGE_CHAIRS, { meetingId, people: rows.chairs });
    if (rows.attendees.length) await tx.run(q.MERGE_ATTENDEES, { meetingId, people: rows.attendees });
    if (rows.departments.length) await tx.run(q.MERGE_DEPARTMENTS, { departments: rows.departments });
    if (rows.reports.length) await tx.run(q.MERGE_REPORTS, { meetingId, reports: rows.reports });
    if (rows.achievements.length)
      await tx.run(q.MERGE_ACHIEVEMENTS, { documentId, meetingId, items: rows.achievements });
    if (rows.shortcomings.length)
      await tx.run(q.MERGE_SHORTCOMINGS, { documentId, meetingId, items: rows.shortcomings });
    if (rows.directives.length) {
      await tx.run(q.MERGE_DIRECTIVES, { documentId, meetingId, items: rows.directives });
      await tx.run(q.MERGE_ADDRESSEES, { items: rows.directives.filter((d) => d.addresseeIds.length) });
    }
    return { status: "created", documentId, meetingId };
  });
}
