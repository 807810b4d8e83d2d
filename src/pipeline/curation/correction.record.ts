import { WriteTx } from "../../platform/db/neo4j";
import * as q from "./correction.cypher";

// What a correction is, apart from how the API shows it: the curation pipeline makes, stores and
// applies corrections with these (../../api/correction serves them over GraphQL).

/** What a correction does. */
export enum CorrectionKind {
  SET_ITEM_THEMES = "SET_ITEM_THEMES",
  REJECT_ITEM = "REJECT_ITEM",
  ADD_ITEM = "ADD_ITEM",
  ASSIGN_REPORT = "ASSIGN_REPORT",
  MERGE_DEPARTMENTS = "MERGE_DEPARTMENTS",
  UNDO = "UNDO",
}

/** The kinds of item a curator can add. */
export enum ItemKind {
  ACHIEVEMENT = "ACHIEVEMENT",
  SHORTCOMING = "SHORTCOMING",
  DIRECTIVE = "DIRECTIVE",
}

/** A correction as the repository returns it. */
export interface CorrectionRecord {
  __typename: "Correction";
  id: string;
  kind: CorrectionKind;
  author: string;
  at: string;
  reason: string;
  /** What it changed (for UNDO: the correction it took back). */
  targetId: string;
  /** The label of the target when the correction was made. */
  targetType: string;
  /** The document whose extraction it corrects; null for merges (they span documents). */
  documentId: string | null;
  details: Record<string, unknown>;
  undone: boolean;
  undoneById: string | null;
  orphaned: boolean;
}

/** An item the extractor missed, by its span in the document's text (the API's AddItemInput). */
export interface AddItemRequest {
  documentId: string;
  kind: ItemKind;
  start: number;
  end: number;
  reportId?: string | null;
  themeIds: string[];
  reason: string;
}

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

/** What a new correction is made of; the repository numbers and records it. */
export interface NewCorrection extends Pick<
  CorrectionRecord,
  "id" | "kind" | "author" | "at" | "reason" | "targetId" | "targetType" | "documentId"
> {
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
