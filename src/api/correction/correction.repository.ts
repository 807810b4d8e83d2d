import { Queryable, WriteTx } from "../../platform/db/neo4j";
import { byKeys, defineLoader } from "../graphql/context";
import { Page } from "../graphql/connection";
import * as q from "../../pipeline/curation/correction.cypher";
import { CorrectionKind, CorrectionRecord } from "./correction.type";

/** A correction node as Cypher returns it (its payload still JSON). */
export interface CorrectionRow extends Omit<CorrectionRecord, "details"> {
  seq: number;
  payload: string;
}

/** The record the API returns for a stored correction. */
export function toRecord(row: CorrectionRow): CorrectionRecord & { seq: number } {
  const { payload, ...rest } = row;
  return { ...rest, details: JSON.parse(payload) as Record<string, unknown> };
}

export const correctionById = defineLoader<string, CorrectionRecord | null>(async (db, ids) => {
  const rows = await db.read<{ id: string; correction: CorrectionRow }>(q.CORRECTIONS_BY_ID, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => toRecord(r.correction),
    null,
  );
});

/** Every correction of each target, newest first (undone ones too: the item's history). */
export const correctionsByTarget = defineLoader<string, CorrectionRecord[]>(async (db, ids) => {
  const rows = await db.read<{ id: string; corrections: CorrectionRow[] }>(q.CORRECTIONS_BY_TARGET, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.corrections.map(toRecord),
    [],
  );
});

/** One page of the audit log, newest first, with the total. */
export async function correctionPage(
  db: Queryable,
  page: Page,
  filter: { kind?: CorrectionKind | null; author?: string | null },
): Promise<{ total: number; nodes: CorrectionRecord[] }> {
  const [row] = await db.read<{ total: number; nodes: CorrectionRow[] }>(q.CORRECTION_PAGE, {
    ...page,
    kind: filter.kind ?? null,
    author: filter.author ?? null,
  });
  return { total: row.total, nodes: row.nodes.map(toRecord) };
}

/** What a new correction is made of; the repository numbers and records it. */
export interface NewCorrection {
  id: string;
  kind: CorrectionKind;
  author: string;
  at: string;
  reason: string;
  targetId: string;
  targetType: string;
  documentId: string | null;
  payload: Record<string, unknown>;
  /** Stored beside the payload where a query needs it (a merge's bodies). */
  extra?: Record<string, string>;
}

/** Records a correction in the caller's transaction: the next number of the log, linked to its target. */
export async function recordCorrection(tx: WriteTx, c: NewCorrection): Promise<CorrectionRecord & { seq: number }> {
  const [{ seq }] = await tx.run<{ seq: number }>(q.NEXT_SEQ);
  const { payload, extra, ...fields } = c;
  const [row] = await tx.run<{ correction: CorrectionRow }>(q.CREATE_CORRECTION, {
    c: { ...fields, ...extra, seq, payload: JSON.stringify(payload) },
  });
  return toRecord(row.correction);
}

/** The standing corrections of targets, oldest first. */
export async function standingOf(tx: WriteTx, targetIds: string[]): Promise<(CorrectionRecord & { seq: number })[]> {
  const rows = await tx.run<{ correction: CorrectionRow }>(q.STANDING_OF_TARGETS, { ids: targetIds });
  return rows.map((r) => toRecord(r.correction));
}
