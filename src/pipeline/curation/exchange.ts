import { CURATOR_NAME } from "../../platform/config";
import { Queryable } from "../../platform/db/neo4j";
import { AppError, ErrorCode } from "../../platform/errors";
import { DEPARTMENT_TARGETS } from "./correction.cypher";
import { CorrectionRow, toRecord } from "./correction.record";
import * as service from "./correction.service";
import { CorrectionKind, CorrectionRecord, ItemKind } from "./correction.record";
import * as q from "./exchange.cypher";

/**
 * Corrections as data: the audit log written as JSON Lines (`corrections export`) and replayed
 * onto a graph built from the same readouts (`corrections import`). Each line names its targets
 * twice, by id and by where they stand in the readouts (an item by its document and span, a report
 * by its document and speaking order, a department by its name), so that a line finds its target
 * even where ids came out differently. A replayed correction goes through the same service
 * function as the mutation that made it, keeping its id, author, time and reason.
 */

/** The format of a line; a reader refuses lines of another. */
export const EXCHANGE_FORMAT = "policygraph-correction/1";

const ITEM_TYPES = ["Achievement", "Shortcoming", "Directive"] as const;
type ItemType = (typeof ITEM_TYPES)[number];

/** Where an item stands: its document and the span of its text. */
export interface ItemPlace {
  type: ItemType;
  id: string;
  documentId: string | null;
  start: number | null;
  end: number | null;
  text: string | null;
}

/** Where a report stands: the document of its meeting and its speaking order there. */
export interface ReportPlace {
  type: "Report";
  id: string;
  documentId: string | null;
  order: number | null;
  subject: string | null;
}

/** A department, by id and by name. */
export interface DepartmentPlace {
  type: "Department";
  id: string;
  name: string | null;
}

/** An earlier correction (the target of an undo). */
export interface CorrectionPlace {
  type: "Correction";
  id: string;
}

export type Place = ItemPlace | ReportPlace | DepartmentPlace | CorrectionPlace;

/** One line of an export. */
export interface ExchangeLine {
  format: typeof EXCHANGE_FORMAT;
  id: string;
  kind: CorrectionKind;
  author: string;
  at: string;
  reason: string;
  /** What it asserts, as the API's Correction.details. */
  details: Record<string, unknown>;
  /** Its state when exported (informative: an undo is a line of its own). */
  undone: boolean;
  undoneBy: string | null;
  orphaned: boolean;
  /** What it changed; for a merge, the body merged into; for an undo, the correction taken back. */
  target: Place;
  /** ADD_ITEM of an achievement or shortcoming: the report it was added to. */
  report?: ReportPlace;
  /** ASSIGN_REPORT: the body the report was given to. */
  department?: DepartmentPlace;
  /** MERGE_DEPARTMENTS: the body merged away. */
  from?: DepartmentPlace;
}

const PAGE = 500;

interface ItemRow {
  id: string;
  type: ItemType;
  documentId: string | null;
  start: number | null;
  end: number | null;
  text: string | null;
}

interface ReportRow {
  id: string;
  documentId: string;
  order: number;
  subject: string | null;
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

async function linesOf(db: Queryable, page: CorrectionRecord[]): Promise<ExchangeLine[]> {
  const itemIds = page
    .filter((c) => c.kind === CorrectionKind.SET_ITEM_THEMES || c.kind === CorrectionKind.REJECT_ITEM)
    .map((c) => c.targetId);
  const reportIds = page.flatMap((c) =>
    c.kind === CorrectionKind.ASSIGN_REPORT
      ? [c.targetId]
      : c.kind === CorrectionKind.ADD_ITEM && str(c.details.reportId)
        ? [str(c.details.reportId)!]
        : [],
  );
  const departmentIds = page.flatMap((c) =>
    c.kind === CorrectionKind.ASSIGN_REPORT
      ? [str(c.details.departmentId)!]
      : c.kind === CorrectionKind.MERGE_DEPARTMENTS
        ? [str(c.details.intoId)!]
        : [],
  );
  const items = new Map((await db.read<ItemRow>(q.ITEM_PLACES, { ids: [...new Set(itemIds)] })).map((r) => [r.id, r]));
  const reports = new Map(
    (await db.read<ReportRow>(q.REPORT_PLACES, { ids: [...new Set(reportIds)] })).map((r) => [r.id, r]),
  );
  const departments = new Map(
    (
      await db.read<{ id: string; department: { name: string } }>(DEPARTMENT_TARGETS, {
        ids: [...new Set(departmentIds)],
      })
    ).map((r) => [r.id, r.department.name]),
  );
  const reportPlace = (id: string, documentId: string | null): ReportPlace => {
    const r = reports.get(id);
    return {
      type: "Report",
      id,
      documentId: r?.documentId ?? documentId,
      order: r?.order ?? null,
      subject: r?.subject ?? null,
    };
  };
  const departmentPlace = (id: string, name?: string | null): DepartmentPlace => ({
    type: "Department",
    id,
    name: departments.get(id) ?? name ?? null,
  });

  return page.map((c) => {
    const line: ExchangeLine = {
      format: EXCHANGE_FORMAT,
      id: c.id,
      kind: c.kind,
      author: c.author,
      at: c.at,
      reason: c.reason,
      details: c.details,
      undone: c.undone,
      undoneBy: c.undoneById,
      orphaned: c.orphaned,
      target: { type: "Correction", id: c.targetId },
    };
    const d = c.details;
    switch (c.kind) {
      case CorrectionKind.SET_ITEM_THEMES:
      case CorrectionKind.REJECT_ITEM: {
        const item = items.get(c.targetId);
        line.target = item
          ? { ...item }
          : {
              type: c.targetType as ItemType,
              id: c.targetId,
              documentId: c.documentId,
              start: null,
              end: null,
              text: null,
            };
        break;
      }
      case CorrectionKind.ADD_ITEM:
        line.target = {
          type: c.targetType as ItemType,
          id: c.targetId,
          documentId: str(d.documentId),
          start: d.start as number,
          end: d.end as number,
          text: str(d.text),
        };
        if (str(d.reportId)) line.report = reportPlace(str(d.reportId)!, str(d.documentId));
        break;
      case CorrectionKind.ASSIGN_REPORT:
        line.target = reportPlace(c.targetId, c.documentId);
        line.department = departmentPlace(str(d.departmentId)!);
        break;
      case CorrectionKind.MERGE_DEPARTMENTS:
        line.target = departmentPlace(str(d.intoId)!);
        line.from = departmentPlace(str(d.fromId)!, str((d.from as { name?: unknown } | undefined)?.name));
        break;
    }
    return line;
  });
}

/** Every correction (undos and undone ones too) in the order they were made, a page at a time. */
export async function* exportCorrections(db: Queryable): AsyncGenerator<ExchangeLine[]> {
  let after = 0;
  for (;;) {
    const rows = await db.read<{ correction: CorrectionRow }>(q.LOG_PAGE, { after, batch: PAGE });
    const page = rows.map((r) => toRecord(r.correction));
    if (page.length) yield await linesOf(db, page);
    if (page.length < PAGE) return;
    after = page[page.length - 1].seq;
  }
}

// ---- reading a file --------------------------------------------------------------------------

/** A file that is not an export: refused whole, `line` (from 1) says where. */
export class MalformedExport extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

const KINDS = Object.values(CorrectionKind) as string[];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 300;
const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

// The fields each kind of line needs to be replayed; what they mean is checked by the service.
function shapeError(l: Record<string, unknown>): string | null {
  if (l.format !== EXCHANGE_FORMAT) return `"format" is not "${EXCHANGE_FORMAT}"`;
  if (!isId(l.id) || !/^corr-[0-9a-f]+$/.test(l.id)) return `"id" is not a correction id`;
  if (typeof l.kind !== "string" || !KINDS.includes(l.kind)) return `"kind" is not one of ${KINDS.join(", ")}`;
  if (typeof l.author !== "string" || !CURATOR_NAME.test(l.author)) return `"author" is not a curator's name`;
  if (typeof l.at !== "string" || !ISO.test(l.at) || Number.isNaN(Date.parse(l.at)))
    return `"at" is not an ISO 8601 UTC time`;
  if (typeof l.reason !== "string" || !l.reason.trim()) return `"reason" is empty`;
  if (!isObject(l.details)) return `"details" is not an object`;
  if (!isObject(l.target) || !isId(l.target.id)) return `"target" has no id`;
  const d = l.details;
  const t = l.target;
  const place = (p: unknown, what: string) => (isObject(p) && isId(p.id) ? null : `"${what}" has no id`);
  switch (l.kind) {
    case CorrectionKind.SET_ITEM_THEMES:
    case CorrectionKind.REJECT_ITEM:
      if (
        l.kind === CorrectionKind.SET_ITEM_THEMES &&
        !(Array.isArray(d.themeIds) && d.themeIds.every((x) => typeof x === "string"))
      )
        return `"details.themeIds" is not a list of theme ids`;
      if (!(ITEM_TYPES as readonly unknown[]).includes(t.type)) return `"target.type" is not an item type`;
      if (t.start !== null && t.start !== undefined && !(isInt(t.start) && isInt(t.end) && isId(t.documentId)))
        return `"target" has no document span`;
      return null;
    case CorrectionKind.ADD_ITEM:
      if (!(Object.values(ItemKind) as unknown[]).includes(d.kind)) return `"details.kind" is not an item kind`;
      if (!isId(d.documentId) || !isInt(d.start) || !isInt(d.end)) return `"details" has no document span`;
      if (!Array.isArray(d.themeIds)) return `"details.themeIds" is not a list`;
      return d.kind === ItemKind.DIRECTIVE ? null : place(l.report, "report");
    case CorrectionKind.ASSIGN_REPORT:
      return place(l.department, "department");
    case CorrectionKind.MERGE_DEPARTMENTS:
      return place(l.from, "from");
    default:
      return null;
  }
}

/** Parses an export: every non-blank line must be one correction; the first that is not refuses the file. */
export function parseExport(text: string): { line: number; correction: ExchangeLine }[] {
  const out: { line: number; correction: ExchangeLine }[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new MalformedExport(i + 1, "not JSON");
    }
    if (!isObject(value)) throw new MalformedExport(i + 1, "not a JSON object");
    const error = shapeError(value);
    if (error) throw new MalformedExport(i + 1, error);
    out.push({ line: i + 1, correction: value as unknown as ExchangeLine });
  });
  return out;
}

// ---- replaying -------------------------------------------------------------------------------

/** What became of one line. */
export interface ImportRow {
  line: number;
  id: string;
  kind: CorrectionKind;
  /** applied: replayed now; present: the graph holds it already; unplaced: a target is not in this graph; refused: the service said no. */
  status: "applied" | "present" | "unplaced" | "refused";
  /** How its targets were found (applied only): all by id, or some by document span / name. */
  placedBy: "id" | "span" | null;
  message: string | null;
}

/** A line whose target this graph does not hold. */
class Unplaced extends Error {}

interface Placed {
  id: string;
  bySpan: boolean;
}

type PlaceRow = { byId: string | null; bySpan: string | null };

function chosen(row: PlaceRow | undefined, missing: string): Placed {
  if (row?.byId) return { id: row.byId, bySpan: false };
  if (row?.bySpan) return { id: row.bySpan, bySpan: true };
  throw new Unplaced(missing);
}

const spanOf = (p: { documentId?: unknown; start?: unknown; end?: unknown }) =>
  isInt(p.start) ? `${String(p.documentId)} [${p.start}, ${String(p.end)})` : "no span recorded";

async function placeItem(db: Queryable, p: ItemPlace): Promise<Placed> {
  const span = isInt(p.start) && isInt(p.end) && isId(p.documentId);
  const [row] = await db.read<PlaceRow & { idTaken: boolean }>(q.PLACE_ITEM, {
    id: p.id,
    type: p.type,
    documentId: span ? p.documentId : null,
    start: span ? p.start : null,
    end: span ? p.end : null,
  });
  return chosen(
    row,
    `no ${p.type.toLowerCase()} at ${spanOf(p)}${row?.idTaken ? ` (the id ${p.id} names another item here)` : ` nor with id ${p.id}`}`,
  );
}

async function placeReport(db: Queryable, p: ReportPlace): Promise<Placed> {
  const placed = isId(p.documentId) && isInt(p.order);
  const [row] = await db.read<PlaceRow>(q.PLACE_REPORT, {
    id: p.id,
    documentId: placed ? p.documentId : null,
    order: placed ? p.order : null,
  });
  return chosen(
    row,
    `no report ${p.id}${placed ? ` nor a report ${String(p.order)} in document ${String(p.documentId)}` : ""}`,
  );
}

async function placeDepartment(db: Queryable, p: DepartmentPlace): Promise<Placed> {
  const [row] = await db.read<PlaceRow>(q.PLACE_DEPARTMENT, { id: p.id, name: str(p.name) });
  return chosen(row, `no department ${p.id}${p.name ? ` nor one body named ${p.name}` : ""}`);
}

// Finds the line's targets in this graph and replays it through the service; returns how it placed them.
async function replay(db: Queryable, c: ExchangeLine): Promise<boolean> {
  const signed: service.Signed = { author: c.author, reason: c.reason, replay: { id: c.id, at: c.at } };
  const d = c.details;
  switch (c.kind) {
    case CorrectionKind.SET_ITEM_THEMES: {
      const item = await placeItem(db, c.target as ItemPlace);
      await service.setItemThemes(db, signed, { id: item.id, themeIds: d.themeIds as string[] });
      return item.bySpan;
    }
    case CorrectionKind.REJECT_ITEM: {
      const item = await placeItem(db, c.target as ItemPlace);
      await service.rejectItem(db, signed, { id: item.id });
      return item.bySpan;
    }
    case CorrectionKind.ADD_ITEM: {
      const documentId = d.documentId as string;
      const [{ exists }] = await db.read<{ exists: boolean }>(q.DOCUMENT_EXISTS, { id: documentId });
      if (!exists) throw new Unplaced(`no document ${documentId} (was its readout ingested?)`);
      const report = c.report ? await placeReport(db, c.report) : null;
      await service.addItem(db, signed, {
        documentId,
        kind: d.kind as ItemKind,
        start: d.start as number,
        end: d.end as number,
        reportId: report?.id ?? null,
        themeIds: d.themeIds as string[],
        reason: c.reason,
      });
      return !!report?.bySpan;
    }
    case CorrectionKind.ASSIGN_REPORT: {
      const report = await placeReport(db, c.target as ReportPlace);
      const department = await placeDepartment(db, c.department!);
      await service.assignReport(db, signed, { reportId: report.id, departmentId: department.id });
      return report.bySpan || department.bySpan;
    }
    case CorrectionKind.MERGE_DEPARTMENTS: {
      const from = await placeDepartment(db, c.from!);
      const into = await placeDepartment(db, c.target as DepartmentPlace);
      await service.mergeDepartments(db, signed, { fromId: from.id, intoId: into.id });
      return from.bySpan || into.bySpan;
    }
    case CorrectionKind.UNDO: {
      const id = str(d.correctionId) ?? c.target.id;
      const [present] = await db.read<{ id: string }>(q.PRESENT, { ids: [id] });
      if (!present) throw new Unplaced(`the correction it undoes, ${id}, is not in this graph`);
      await service.undoCorrection(db, signed, { id });
      return false;
    }
  }
}

/**
 * Replays parsed lines in order, each in its own transaction (the service's). A line the graph
 * already holds (by correction id) is `present` and changes nothing, so importing twice, or onto
 * the graph exported from, is a no-op. `onRow` hears each line's outcome as it is known.
 */
export async function importCorrections(
  db: Queryable,
  lines: readonly { line: number; correction: ExchangeLine }[],
  onRow: (row: ImportRow) => void = () => undefined,
): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for (const { line, correction: c } of lines) {
    const base = { line, id: c.id, kind: c.kind };
    let row: ImportRow;
    const [present] = await db.read<{ id: string }>(q.PRESENT, { ids: [c.id] });
    if (present) {
      row = { ...base, status: "present", placedBy: null, message: "already in the graph: nothing changed" };
    } else {
      try {
        const bySpan = await replay(db, c);
        row = { ...base, status: "applied", placedBy: bySpan ? "span" : "id", message: null };
      } catch (e) {
        if (e instanceof Unplaced) row = { ...base, status: "unplaced", placedBy: null, message: e.message };
        else if (e instanceof AppError && e.code === ErrorCode.BAD_USER_INPUT)
          row = { ...base, status: "refused", placedBy: null, message: e.message };
        else throw e;
      }
    }
    rows.push(row);
    onRow(row);
  }
  return rows;
}
