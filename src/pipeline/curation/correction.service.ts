import { Queryable, WriteTx } from "../../platform/db/neo4j";
import { rederiveMeetings } from "../derived/derived.repository";
import { badInput } from "../../platform/errors";
import { sentenceAround } from "../rows/graph-rows";
import { sha256 } from "../rows/ids";
import { awaitSearchable } from "../../platform/db/search-index";
import { toSimplified } from "../../platform/text/chinese";
import { isKnownTheme } from "../../model/theme.catalog";
import {
  AddedItem,
  applyAdds,
  applyAssigns,
  applyRejects,
  applyThemes,
  LABEL_OF,
  restoreTarget,
} from "./correction.apply";
import * as q from "./correction.cypher";
import { CorrectionRow, NewCorrection, recordCorrection, standingOf, toRecord } from "./correction.record";
import { AddItemRequest, CorrectionKind, CorrectionRecord, ItemKind } from "./correction.record";

/**
 * The curators' corrections. Each runs in one write transaction: everything it is given is
 * checked first (BAD_USER_INPUT, nothing written), then the correction is recorded, applied on top
 * of the extractor's output, and the touched meetings' derived data (tallies, inferred links,
 * directive index) made again, so that patterns reflect it when it commits.
 */

const MAX_REASON = 2000;
const MAX_THEMES = 20;
const MAX_ID = 300;
const MAX_ITEM = 2000;

/** Who corrects and why. */
export interface Signed {
  author: string;
  reason: string;
  /**
   * A correction replayed from an export (`corrections import`): it keeps its id and time, so that
   * the graph it is replayed on names and dates it as the graph it was made on did.
   */
  replay?: { id: string; at: string };
}

function checkReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw badInput("reason is empty: say why the correction is made", { argument: "reason" });
  if (trimmed.length > MAX_REASON)
    throw badInput(`reason is longer than ${MAX_REASON} characters`, { argument: "reason" });
  return trimmed;
}

function checkId(id: string, argument: string): void {
  if (!id || id.length > MAX_ID) throw badInput(`${argument} is not an id of this graph`, { argument });
}

function checkThemeIds(themeIds: string[], argument: string): void {
  if (themeIds.length > MAX_THEMES) throw badInput(`at most ${MAX_THEMES} themes`, { argument });
  const unknown = themeIds.filter((id) => !isKnownTheme(id));
  if (unknown.length)
    throw badInput(
      `no theme has the id ${unknown.map((u) => JSON.stringify(u)).join(", ")} (the query themes lists them)`,
      {
        argument,
      },
    );
  if (new Set(themeIds).size !== themeIds.length) throw badInput("a theme is given twice", { argument });
}

// Stable for the same correction by the same curator at the same moment (a retried transaction
// writes the same ids).
const correctionId = (parts: unknown) => `corr-${sha256(JSON.stringify(parts)).slice(0, 16)}`;

function newCorrection(
  kind: CorrectionKind,
  signed: Signed,
  target: { id: string; type: string; documentId: string | null },
  payload: Record<string, unknown>,
  at = signed.replay?.at ?? new Date().toISOString(),
): NewCorrection {
  return {
    id: signed.replay?.id ?? correctionId({ kind, target: target.id, payload, author: signed.author, at }),
    kind,
    author: signed.author,
    at,
    reason: signed.reason,
    targetId: target.id,
    targetType: target.type,
    documentId: target.documentId,
    payload,
  };
}

// Runs a correction's transaction (under the corrections lock), then waits for the search index,
// so that what it changed is searchable (or no longer) when the mutation answers.
async function inTransaction(
  db: Queryable,
  work: (tx: WriteTx) => Promise<CorrectionRecord>,
): Promise<CorrectionRecord> {
  const correction = await db.transaction(async (tx) => {
    await tx.run(q.LOCK_CORRECTIONS);
    return work(tx);
  });
  await awaitSearchable(db);
  return correction;
}

interface ItemTarget {
  id: string;
  type: string;
  meetingId: string;
  documentId: string;
  rejected: boolean;
  addedBy: string | null;
  themeIds: string[];
}

async function itemTarget(tx: WriteTx, id: string): Promise<ItemTarget> {
  checkId(id, "id");
  const [item] = await tx.run<ItemTarget>(q.ITEM_TARGET, { id });
  if (!item) throw badInput(`no achievement, shortcoming or directive has the id "${id}"`, { argument: "id" });
  return item;
}

/** setItemThemes: the item's themes become `themeIds`, in this order. */
export function setItemThemes(
  db: Queryable,
  signed: Signed,
  args: { id: string; themeIds: string[] },
): Promise<CorrectionRecord> {
  const reason = checkReason(signed.reason);
  checkThemeIds(args.themeIds, "themeIds");
  return inTransaction(db, async (tx) => {
    const item = await itemTarget(tx, args.id);
    if (item.themeIds.join() === args.themeIds.join())
      throw badInput(`the item already has these themes, in this order`, { argument: "themeIds" });
    const c = await recordCorrection(
      tx,
      newCorrection(CorrectionKind.SET_ITEM_THEMES, { ...signed, reason }, item, { themeIds: args.themeIds }),
    );
    await applyThemes(tx, [c]);
    await rederiveMeetings(tx, [item.meetingId]);
    return c;
  });
}

/** rejectItem: not a real item; lists, counts, patterns, search and exports leave it out. */
export function rejectItem(db: Queryable, signed: Signed, args: { id: string }): Promise<CorrectionRecord> {
  const reason = checkReason(signed.reason);
  return inTransaction(db, async (tx) => {
    const item = await itemTarget(tx, args.id);
    if (item.rejected) throw badInput(`the item is rejected already`, { argument: "id" });
    const c = await recordCorrection(tx, newCorrection(CorrectionKind.REJECT_ITEM, { ...signed, reason }, item, {}));
    await applyRejects(tx, [c]);
    await rederiveMeetings(tx, [item.meetingId]);
    return c;
  });
}

const ID_LETTER: Record<ItemKind, string> = {
  [ItemKind.ACHIEVEMENT]: "a",
  [ItemKind.SHORTCOMING]: "s",
  [ItemKind.DIRECTIVE]: "d",
};

/** addItem: an item the extractor missed, by its span in the document. */
export function addItem(db: Queryable, signed: Signed, input: AddItemRequest): Promise<CorrectionRecord> {
  const reason = checkReason(input.reason);
  checkId(input.documentId, "input.documentId");
  checkThemeIds(input.themeIds, "input.themeIds");
  const { start, end, kind } = input;
  const reportId = input.reportId ?? null;
  if (kind === ItemKind.DIRECTIVE && reportId !== null)
    throw badInput("a directive belongs to its meeting, not to a report: leave reportId out", {
      argument: "input.reportId",
    });
  if (kind !== ItemKind.DIRECTIVE && reportId === null)
    throw badInput("an achievement or shortcoming needs the reportId of the report it belongs to", {
      argument: "input.reportId",
    });
  if (reportId !== null) checkId(reportId, "input.reportId");
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end))
    throw badInput(`the span [${start}, ${end}) is not a range of characters`, { argument: "input.start" });
  if (end - start > MAX_ITEM) throw badInput(`an item is at most ${MAX_ITEM} characters`, { argument: "input.end" });
  return inTransaction(db, async (tx) => {
    const [doc] = await tx.run<{
      text: string;
      meetingId: string | null;
      reportId: string | null;
      reportExists: boolean;
    }>(q.ADD_TARGET, { documentId: input.documentId, reportId });
    if (!doc) throw badInput(`no document has the id "${input.documentId}"`, { argument: "input.documentId" });
    if (!doc.meetingId) throw badInput("the document records no meeting", { argument: "input.documentId" });
    if (end > doc.text.length)
      throw badInput(`the span [${start}, ${end}) lies outside the document (${doc.text.length} characters)`, {
        argument: "input.end",
      });
    const text = doc.text.slice(start, end);
    if (!text.trim()) throw badInput("the span holds no text", { argument: "input.start" });
    if (reportId !== null && !doc.reportId) {
      throw badInput(
        doc.reportExists
          ? `report "${reportId}" is not a report of document "${input.documentId}"`
          : `no report has the id "${reportId}"`,
        { argument: "input.reportId" },
      );
    }
    const label = LABEL_OF[kind];
    const twins = await tx.run<{ id: string; type: string }>(q.SAME_SPAN, { documentId: input.documentId, start, end });
    const twin = twins.find((t) => t.type === label);
    if (twin) throw badInput(`the document already holds this ${label.toLowerCase()}: ${twin.id}`);

    const [sentenceStart, sentenceEnd] = sentenceAround(doc.text, start, end);
    const at = signed.replay?.at ?? new Date().toISOString();
    const parent = reportId ?? doc.meetingId;
    const itemId = `${parent}-${ID_LETTER[kind]}c${sha256(JSON.stringify({ kind, start, end, author: signed.author, at })).slice(0, 10)}`;
    const payload: AddedItem = {
      kind,
      documentId: input.documentId,
      meetingId: doc.meetingId,
      reportId,
      start,
      end,
      text,
      sentenceStart,
      sentenceEnd,
      themeIds: input.themeIds,
    };
    const c = await recordCorrection(
      tx,
      newCorrection(
        CorrectionKind.ADD_ITEM,
        { ...signed, reason },
        { id: itemId, type: label, documentId: input.documentId },
        { ...payload },
        at,
      ),
    );
    await applyAdds(tx, [c]);
    // The correction was recorded before its item existed: link them now.
    await tx.run(q.MARK_PLACED, { rows: [{ id: c.id, orphaned: false }] });
    await rederiveMeetings(tx, [doc.meetingId]);
    return c;
  });
}

interface DepartmentTarget {
  id: string;
  name: string;
  fullName: string | null;
  nameEn: string | null;
  aliases: string[] | null;
  kind: string;
  curated: boolean | null;
  assignedThemes: string[] | null;
  searchText: string | null;
  mergedAliases: string[] | null;
  mergedSearch: string[] | null;
  parentId: string | null;
}

async function departmentTargets(tx: WriteTx, ids: string[]): Promise<Map<string, DepartmentTarget>> {
  const rows = await tx.run<{ id: string; department: DepartmentTarget }>(q.DEPARTMENT_TARGETS, { ids });
  return new Map(rows.map((r) => [r.id, r.department]));
}

async function departmentTarget(tx: WriteTx, id: string, argument: string): Promise<DepartmentTarget> {
  checkId(id, argument);
  const found = (await departmentTargets(tx, [id])).get(id);
  if (!found) throw badInput(`no department has the id "${id}" (the query departments lists them)`, { argument });
  return found;
}

/** assignReport: the report was given by another body. */
export function assignReport(
  db: Queryable,
  signed: Signed,
  args: { reportId: string; departmentId: string },
): Promise<CorrectionRecord> {
  const reason = checkReason(signed.reason);
  checkId(args.reportId, "reportId");
  return inTransaction(db, async (tx) => {
    const [report] = await tx.run<{ id: string; meetingId: string; documentId: string; departmentIds: string[] }>(
      q.REPORT_TARGET,
      { id: args.reportId },
    );
    if (!report) throw badInput(`no report has the id "${args.reportId}"`, { argument: "reportId" });
    const department = await departmentTarget(tx, args.departmentId, "departmentId");
    if (report.departmentIds.length === 1 && report.departmentIds[0] === department.id)
      throw badInput(`the report is already ${department.name}'s`, { argument: "departmentId" });
    const c = await recordCorrection(
      tx,
      newCorrection(
        CorrectionKind.ASSIGN_REPORT,
        { ...signed, reason },
        { id: report.id, type: "Report", documentId: report.documentId },
        { departmentId: department.id, previousDepartmentIds: report.departmentIds },
      ),
    );
    await applyAssigns(tx, [c]);
    await rederiveMeetings(tx, [report.meetingId]);
    return c;
  });
}

// The searchable forms of a body's merged names end its searchText (see MERGE_DEPARTMENT).
const suffixOf = (search: readonly string[]) => search.map((s) => ` ${s}`).join("");

/** mergeDepartments: two nodes are one body; the first's reports and names move to the second, its id answers with it. */
export function mergeDepartments(
  db: Queryable,
  signed: Signed,
  args: { fromId: string; intoId: string },
): Promise<CorrectionRecord> {
  const reason = checkReason(signed.reason);
  return inTransaction(db, async (tx) => {
    const from = await departmentTarget(tx, args.fromId, "fromId");
    const into = await departmentTarget(tx, args.intoId, "intoId");
    if (from.id === into.id)
      throw badInput(
        args.fromId === args.intoId ? "a department cannot be merged into itself" : "the two ids are one body already",
        { argument: "intoId" },
      );
    const [scope] = await tx.run<{ meetingIds: string[]; intoIsPart: boolean }>(q.DEPARTMENT_MEETINGS, {
      id: from.id,
      intoId: into.id,
    });
    const known = new Set([into.name, into.fullName, ...(into.aliases ?? []), ...(into.mergedAliases ?? [])]);
    const names = [from.name, from.fullName, ...(from.aliases ?? []), ...(from.mergedAliases ?? [])];
    const addedAliases = [...new Set(names.filter((n): n is string => !!n && !known.has(n)))];
    const addedSearch = addedAliases.map((a) => toSimplified(a));
    const { parentId, ...fromProps } = from;
    const c = await recordCorrection(tx, {
      ...newCorrection(
        CorrectionKind.MERGE_DEPARTMENTS,
        { ...signed, reason },
        { id: into.id, type: "Department", documentId: null },
        {
          fromId: from.id,
          intoId: into.id,
          from: fromProps,
          fromParentId: parentId,
          addedAliases,
          addedSearch,
          intoWasPartOfFrom: scope.intoIsPart,
        },
      ),
      extra: { mergeFromId: from.id, mergeIntoId: into.id },
    });
    const [{ repointed }] = await tx.run<{ repointed: string[] }>(q.MERGE_DEPARTMENT, {
      fromId: from.id,
      intoId: into.id,
      addedAliases,
      addedSearch,
      correctionId: c.id,
    });
    // Which older redirects now lead here is known only once they are re-pointed: for undo.
    await tx.run(q.SET_REPOINTED, { id: c.id, repointed });
    await rederiveMeetings(tx, scope.meetingIds, [from.id]);
    return c;
  });
}

interface MergePayload {
  fromId: string;
  intoId: string;
  from: Record<string, unknown>;
  fromParentId: string | null;
  addedAliases: string[];
  addedSearch: string[];
  intoWasPartOfFrom: boolean;
}

async function unmerge(tx: WriteTx, merge: CorrectionRecord): Promise<void> {
  const p = merge.details as unknown as MergePayload;
  const into = (await departmentTargets(tx, [p.intoId])).get(p.intoId);
  if (!into || into.id !== p.intoId) return;
  const searchText = into.searchText ?? "";
  const oldSuffix = suffixOf(into.mergedSearch ?? []);
  const base = searchText.endsWith(oldSuffix) ? searchText.slice(0, searchText.length - oldSuffix.length) : searchText;
  const remaining = (into.mergedSearch ?? []).filter((s) => !p.addedSearch.includes(s));
  const [{ repointed }] = await tx.run<{ repointed: string[] | null }>(q.REPOINTED, { id: merge.id });
  await tx.run(q.UNMERGE_DEPARTMENT, {
    intoId: p.intoId,
    fromId: p.fromId,
    from: p.from,
    parentId: p.fromParentId,
    intoWasPartOfFrom: p.intoWasPartOfFrom,
    addedAliases: p.addedAliases,
    addedSearch: p.addedSearch,
    intoSearchText: base + suffixOf(remaining),
    repointed: repointed ?? [],
  });
  const [scope] = await tx.run<{ meetingIds: string[] }>(q.DEPARTMENT_MEETINGS, { id: p.fromId, intoId: p.intoId });
  await rederiveMeetings(tx, scope?.meetingIds ?? [], [p.intoId]);
}

/** undoCorrection: takes a correction back; what it changed returns to what the other corrections and the extractor say. */
export function undoCorrection(db: Queryable, signed: Signed, args: { id: string }): Promise<CorrectionRecord> {
  const reason = checkReason(signed.reason);
  checkId(args.id, "id");
  return inTransaction(db, async (tx) => {
    const [row] = await tx.run<{ correction: CorrectionRow }>(q.CORRECTION_TARGET, { id: args.id });
    if (!row) throw badInput(`no correction has the id "${args.id}"`, { argument: "id" });
    const target = toRecord(row.correction);
    if (target.kind === CorrectionKind.UNDO)
      throw badInput("an undo cannot be undone: make the correction again", { argument: "id" });
    if (target.undone)
      throw badInput(`the correction was undone already (by ${target.undoneById})`, { argument: "id" });
    const merge = target.kind === CorrectionKind.MERGE_DEPARTMENTS;
    const dependents = await tx.run<{ id: string }>(q.LATER_DEPENDENTS, {
      seq: target.seq,
      mergedId: merge ? (target.details as { intoId: string }).intoId : null,
      targetId: target.kind === CorrectionKind.ADD_ITEM ? target.targetId : null,
    });
    if (dependents.length) {
      throw badInput(
        `undo the later correction${dependents.length > 1 ? "s" : ""} ${dependents.map((d) => d.id).join(", ")} first: ${
          merge ? "the body was merged again since" : "they correct the item this one added"
        }`,
        { argument: "id" },
      );
    }
    // Where the target's meeting is, read before the undo changes it (an added item goes).
    const [scope] = merge
      ? []
      : await tx.run<{ meetingId: string | null }>(q.MEETING_OF_TARGET, { id: target.targetId });
    const undo = await recordCorrection(
      tx,
      newCorrection(
        CorrectionKind.UNDO,
        { ...signed, reason },
        { id: target.id, type: "Correction", documentId: target.documentId },
        { correctionId: target.id, kind: target.kind },
      ),
    );
    await tx.run(q.MARK_UNDONE, { id: target.id, undoneBy: undo.id, at: undo.at });
    if (merge) await unmerge(tx, target);
    else {
      await restoreTarget(tx, target.kind, target.targetId, await standingOf(tx, [target.targetId]));
      if (scope?.meetingId) await rederiveMeetings(tx, [scope.meetingId]);
    }
    return undo;
  });
}
