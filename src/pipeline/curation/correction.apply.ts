import { WriteTx } from "../../platform/db/neo4j";
import type { ItemKind as ItemLabel } from "../../model/graph.cypher";
import { toSimplified } from "../../platform/text/chinese";
import * as q from "./correction.cypher";
import { CorrectionRow, toRecord } from "./correction.record";
import { CorrectionKind, CorrectionRecord, ItemKind } from "./correction.record";

/**
 * Applying corrections on top of what the extractor wrote. The same statements serve a new
 * correction, an undo (the target's remaining corrections are applied again, or the extractor's
 * state restored) and a re-extraction (reapplyCorrections): each rewrites its target to the state
 * its correction asserts, so applying one twice changes nothing.
 */

/** The graph label of an item kind of the API. */
export const LABEL_OF: Record<ItemKind, ItemLabel> = {
  [ItemKind.ACHIEVEMENT]: "Achievement",
  [ItemKind.SHORTCOMING]: "Shortcoming",
  [ItemKind.DIRECTIVE]: "Directive",
};

/** What an ADD_ITEM correction stores: enough to write the item again from the document alone. */
export interface AddedItem {
  kind: ItemKind;
  documentId: string;
  meetingId: string;
  reportId: string | null;
  start: number;
  end: number;
  text: string;
  sentenceStart: number;
  sentenceEnd: number;
  themeIds: string[];
}

const details = <T>(c: CorrectionRecord) => c.details as T;

async function ids(tx: WriteTx, cypher: string, params: Record<string, unknown>): Promise<Set<string>> {
  return new Set((await tx.run<{ id: string }>(cypher, params)).map((r) => r.id));
}

/** Writes added items (their corrections); returns the ids of the items placed. */
export async function applyAdds(tx: WriteTx, adds: readonly CorrectionRecord[]): Promise<Set<string>> {
  const placed = new Set<string>();
  for (const kind of Object.values(ItemKind)) {
    const rows = adds
      .filter((c) => details<AddedItem>(c).kind === kind)
      .map((c) => {
        const item = details<AddedItem>(c);
        return { ...item, id: c.targetId, searchText: toSimplified(item.text), reason: c.reason, correctionId: c.id };
      });
    if (rows.length) for (const id of await ids(tx, q.addItems(LABEL_OF[kind]), { rows })) placed.add(id);
  }
  return placed;
}

/** Sets items' themes as their corrections say; returns the ids found. */
export function applyThemes(tx: WriteTx, corrections: readonly CorrectionRecord[]): Promise<Set<string>> {
  const rows = corrections.map((c) => ({
    itemId: c.targetId,
    themeIds: details<{ themeIds: string[] }>(c).themeIds,
    reason: c.reason,
    correctionId: c.id,
  }));
  return rows.length ? ids(tx, q.SET_THEMES, { rows }) : Promise.resolve(new Set());
}

/** Rejects items as their corrections say; returns the ids found. */
export function applyRejects(tx: WriteTx, corrections: readonly CorrectionRecord[]): Promise<Set<string>> {
  const rows = corrections.map((c) => ({ itemId: c.targetId, correctionId: c.id }));
  return rows.length ? ids(tx, q.REJECT, { rows }) : Promise.resolve(new Set());
}

/** Gives reports to the bodies their corrections say; returns the ids found. */
export function applyAssigns(tx: WriteTx, corrections: readonly CorrectionRecord[]): Promise<Set<string>> {
  const rows = corrections.map((c) => ({
    reportId: c.targetId,
    departmentId: details<{ departmentId: string }>(c).departmentId,
    correctionId: c.id,
  }));
  return rows.length ? ids(tx, q.ASSIGN, { rows }) : Promise.resolve(new Set());
}

// The last of each target's corrections of a kind: the one whose state stands.
function latestPerTarget(corrections: readonly CorrectionRecord[], kind: CorrectionKind): CorrectionRecord[] {
  const latest = new Map<string, CorrectionRecord>();
  for (const c of corrections) if (c.kind === kind) latest.set(c.targetId, c);
  return [...latest.values()];
}

/**
 * Brings one target back to what its standing corrections (oldest first) say, or to what the
 * extractor wrote when none is left: after an undo. `kind` is the kind of the correction undone.
 */
export async function restoreTarget(
  tx: WriteTx,
  kind: CorrectionKind,
  targetId: string,
  standing: readonly CorrectionRecord[],
): Promise<void> {
  switch (kind) {
    case CorrectionKind.SET_ITEM_THEMES: {
      const [latest] = latestPerTarget(standing, CorrectionKind.SET_ITEM_THEMES);
      const added = standing.filter((c) => c.kind === CorrectionKind.ADD_ITEM);
      // An added item's themes without a retag are those it was added with.
      if (latest) await applyThemes(tx, [latest]);
      else if (added.length) await applyAdds(tx, added);
      else await tx.run(q.RESTORE_THEMES, { rows: [{ itemId: targetId }] });
      return;
    }
    case CorrectionKind.REJECT_ITEM:
      if (!standing.some((c) => c.kind === CorrectionKind.REJECT_ITEM))
        await tx.run(q.UNREJECT, { rows: [{ itemId: targetId }] });
      return;
    case CorrectionKind.ADD_ITEM:
      await tx.run(q.DELETE_ADDED, { ids: [targetId] });
      return;
    case CorrectionKind.ASSIGN_REPORT: {
      const [latest] = latestPerTarget(standing, CorrectionKind.ASSIGN_REPORT);
      if (latest) await applyAssigns(tx, [latest]);
      else await tx.run(q.RESTORE_ASSIGN, { rows: [{ reportId: targetId }] });
      return;
    }
    default:
      throw new Error(`restoreTarget: ${kind} is not restored per target`);
  }
}

/**
 * Re-applies a document's standing (not undone) corrections on top of the extractor output a
 * re-extraction has just written, inside that write transaction: bodies made again under merged
 * ids are folded into the bodies they were merged into, added items are written again, rejections,
 * the latest theme correction of each item and the latest assignment of each report are applied.
 * A correction whose target the new output no longer holds (an item split differently, a report
 * gone) stays stored, flagged `orphaned: true` and not applied; one whose target is back is placed
 * again. Returns the ids of the orphaned ones. The caller brings the derived data of the
 * document's meeting up to date afterwards, as after any rewrite.
 */
export async function reapplyCorrections(tx: WriteTx, documentId: string): Promise<{ orphaned: string[] }> {
  await tx.run(q.FOLD_ALL_REDIRECTED);
  const rows = await tx.run<{ correction: CorrectionRow }>(q.STANDING_OF_DOCUMENT, { documentId });
  const standing = rows.map((r) => toRecord(r.correction));
  if (!standing.length) return { orphaned: [] };

  const adds = standing.filter((c) => c.kind === CorrectionKind.ADD_ITEM);
  const added = await applyAdds(tx, adds);
  // An added item whose report is gone is not left hanging off nothing.
  const unplaced = adds.filter((c) => !added.has(c.targetId)).map((c) => c.targetId);
  if (unplaced.length) await tx.run(q.DELETE_ADDED, { ids: unplaced });
  const rejected = await applyRejects(
    tx,
    standing.filter((c) => c.kind === CorrectionKind.REJECT_ITEM),
  );
  const retagged = await applyThemes(tx, latestPerTarget(standing, CorrectionKind.SET_ITEM_THEMES));
  const assigned = await applyAssigns(tx, latestPerTarget(standing, CorrectionKind.ASSIGN_REPORT));

  const found: Record<string, Set<string>> = {
    [CorrectionKind.ADD_ITEM]: added,
    [CorrectionKind.REJECT_ITEM]: rejected,
    [CorrectionKind.SET_ITEM_THEMES]: retagged,
    [CorrectionKind.ASSIGN_REPORT]: assigned,
  };
  // A correction superseded by a later one of its target is placed when that one is.
  const marks = standing.map((c) => ({ id: c.id, orphaned: !found[c.kind]?.has(c.targetId) }));
  await tx.run(q.MARK_PLACED, { rows: marks });
  return { orphaned: marks.filter((m) => m.orphaned).map((m) => m.id) };
}
