import { Queryable } from "../db/neo4j";
import { deriveMeetings } from "../derived/derived.repository";
import { awaitSearchable } from "../search/search.repository";
import { GraphRows } from "./graph-rows";
import { WRITE_READOUT } from "./ingest.cypher";

export type WriteStatus = "created" | "unchanged";

export interface WriteResult {
  status: WriteStatus;
  meetingId: string;
  documentId: string;
}

/**
 * The one "extraction → graph" writer (seed, CLI and API all use it): one transaction per
 * document (one statement for what the text states, then the inferred links), MERGE on stable
 * ids. A document already in the graph (same body hash) is reported `unchanged` and nothing is
 * written. With `derive: false` (bulk ingestion) the meeting is left pending and its inferred links
 * and tallies come with the batch's derivation (derivePending) instead of this transaction.
 */
export async function writeReadout(
  db: Queryable,
  rows: GraphRows,
  options: { derive?: boolean } = {},
): Promise<WriteResult> {
  const derive = options.derive ?? true;
  const result = await db.transaction<WriteResult>(async (tx) => {
    const [existing] = await tx.run<{ documentId: string | null; meetingId: string | null }>(WRITE_READOUT, {
      readout: rows,
    });
    if (existing?.documentId) {
      return { status: "unchanged", documentId: existing.documentId, meetingId: existing.meetingId ?? rows.meeting.id };
    }
    // Inferred links and tallies are derived in the same transaction: they commit with the document.
    if (derive) await deriveMeetings(tx, [rows.meeting.id]);
    return { status: "created", documentId: rows.document.id, meetingId: rows.meeting.id };
  });
  // A bulk ingest waits once, at its end.
  if (derive && result.status === "created") await awaitSearchable(db);
  return result;
}
