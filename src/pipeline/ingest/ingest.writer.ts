import { Queryable, WriteTx } from "../../platform/db/neo4j";
import { deriveMeetings } from "../derived/derived.repository";
import { awaitSearchable } from "../../platform/db/search-index";
import { GraphRows } from "../rows/graph-rows";
import { WRITE_READOUTS } from "./ingest.cypher";

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
  const [result] = await db.transaction(async (tx) => {
    const written = await writeIn(tx, [rows]);
    // Inferred links and tallies are derived in the same transaction: they commit with the document.
    if (derive && written[0].status === "created") await deriveMeetings(tx, [rows.meeting.id]);
    return written;
  });
  // A bulk ingest waits once, at its end.
  if (derive && result.status === "created") await awaitSearchable(db);
  return result;
}

/**
 * Writes a group of documents (distinct ones) in ONE transaction and statement, their meetings left
 * pending for derivePending: all of them commit or none does. Bulk ingestion writes documents this
 * way and, when a group fails, each of its documents again on its own (writeReadout), so that a
 * document that cannot be written costs no other its place. Results are in the order of `group`.
 */
export async function writeReadoutGroup(db: Queryable, group: readonly GraphRows[]): Promise<WriteResult[]> {
  return db.transaction((tx) => writeIn(tx, group));
}

async function writeIn(tx: WriteTx, group: readonly GraphRows[]): Promise<WriteResult[]> {
  const rows = await tx.run<{ id: string; documentId: string | null; meetingId: string | null }>(WRITE_READOUTS, {
    group: { readouts: group },
  });
  return group.map((readout, i) => {
    const existing = rows[i];
    if (existing?.id !== readout.document.id) throw new Error(`writer returned no row for ${readout.document.id}`);
    return existing.documentId
      ? { status: "unchanged", documentId: existing.documentId, meetingId: existing.meetingId ?? readout.meeting.id }
      : { status: "created", documentId: readout.document.id, meetingId: readout.meeting.id };
  });
}
