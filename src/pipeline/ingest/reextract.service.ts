import { isUnavailable, Queryable } from "../../platform/db/neo4j";
import { deriveMeetings, lockDerivation, underiveMeetings } from "../derived/derived.repository";
import { badInput, notFound } from "../../platform/errors";
import { extractFile } from "../extraction/extract";
import { extractorVersion, GIVEN_EXTRACTION } from "../extraction/extractor-version";
import { ReadoutFile } from "../extraction/readout";
import { awaitSearchable } from "../../platform/db/search-index";
import { GraphRows } from "../rows/graph-rows";
import { prepareExtracted } from "./ingest.service";
import * as q from "./reextract.cypher";
import { reapplyCorrections } from "./reextract.hooks";
import { planReextract, ReextractCounts, ReextractPlan, StoredDocument } from "./reextract.plan";

export type ReextractStatus = "updated" | "unchanged" | "failed";

/** What re-extracting one document did (or, on a dry run, would do). */
export interface ReextractRow extends ReextractCounts {
  document: string;
  status: ReextractStatus;
  /** Corrections whose target the rewrite took away (reported by the corrections module). */
  orphaned: string[];
  error: string | null;
}

/** Which documents to re-extract and how. */
export interface ReextractOptions {
  /** Every document the extractor read, not only those another version read. */
  all?: boolean;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  /** Start after this document id (documents go in id order): where an earlier, stopped run left off. */
  after?: string | null;
  /** Epoch ms by which the run must be done: it starts no document it would likely not finish. */
  deadline?: number;
}

/** A run over many documents. */
export interface ReextractRun {
  rows: ReextractRow[];
  /** Documents of the run not tried (the deadline came first, or the database went away). */
  remaining: number;
  /** While `remaining` is above zero, the `after` that continues the run where it stopped (null: from the start). */
  continueAfter: string | null;
  /** Why the run stopped early because the database could not be reached, or null. */
  unavailable: string | null;
}

/**
 * Documents the database could not be reached for in a row, after which a run stops: each
 * further one would wait out the driver's timeouts, and a re-run does the rest.
 */
export const STOP_AFTER_UNAVAILABLE = 3;

/** How many documents were read by another extractor version (or none recorded): `reextract` brings them up to date. */
export async function countBehind(db: Queryable): Promise<number> {
  const [{ behind }] = await db.read<{ behind: number }>(q.COUNT_BEHIND, {
    version: extractorVersion(),
    given: GIVEN_EXTRACTION,
  });
  return behind;
}

/**
 * The readout as the extractor first read it, from what the graph keeps: the body, its front
 * matter (title, url, published), and the host and site it came with (`host` for a document
 * written before the given host was kept). Spans of its extraction are offsets into the body, as
 * stored.
 */
export function readoutOf(stored: StoredDocument, host = stored.document.givenHost ?? ""): ReadoutFile {
  const d = stored.document;
  return {
    frontMatter: { title: d.title, url: d.url, published: d.published, host, ...(d.site ? { site: d.site } : {}) },
    body: d.text,
    bodyStart: 0,
    text: d.text,
    hasFrontMatter: true,
  };
}

function rowsOf(file: ReadoutFile): GraphRows {
  const extraction = extractFile(file);
  if (!extraction.reports.length) {
    throw badInput(`the extractor finds no reports in it now: ${extraction.warnings[0] ?? "no reports found"}`);
  }
  return prepareExtracted(file, extraction, extractorVersion()).rows;
}

/**
 * The rows the current extractor gives a stored document (positional ids, as a first ingest would).
 * A document written before the host it came with was kept is read without one first; when that
 * does not give the meeting's host, the host came with it (front matter or --host), and it is read
 * with the meeting's host as given.
 */
export function extractAgain(stored: StoredDocument): GraphRows {
  if (stored.document.givenHost !== null) return rowsOf(readoutOf(stored));
  const unhosted = rowsOf(readoutOf(stored, ""));
  const { hostId, hostName } = stored.meeting;
  if (unhosted.meeting.hostId === hostId || !hostName) return unhosted;
  return rowsOf(readoutOf(stored, hostName));
}

function planFor(documentId: string, stored: StoredDocument | undefined): ReextractPlan {
  if (!stored) throw notFound(`no document ${documentId} recorded in a meeting`);
  return planReextract(stored, extractAgain(stored));
}

const rowOf = (documentId: string, plan: ReextractPlan, orphaned: string[] = []): ReextractRow => ({
  document: documentId,
  status: plan.changed ? "updated" : "unchanged",
  ...plan.counts,
  orphaned,
  error: null,
});

// What the document named before and may name no longer: the rewrite's DROP_UNUSED looks at them.
function namedBefore(stored: StoredDocument, rows: GraphRows) {
  const now = new Set(rows.departments.map((d) => d.id));
  const departmentIds = new Set([
    ...stored.reports.flatMap((r) => r.departmentIds),
    ...stored.items.flatMap((i) => i.addresseeIds),
    ...(stored.meeting.hostId ? [stored.meeting.hostId] : []),
  ]);
  const people = new Set([...rows.chairs, ...rows.attendees].map((p) => p.id));
  return {
    departmentIds: [...departmentIds].filter((id) => !now.has(id)),
    personIds: [...stored.chairs, ...stored.attendees].map((p) => p.id).filter((id) => !people.has(id)),
  };
}

/**
 * Re-extracts one stored document with the current extractor, in one transaction: its meeting,
 * reports and items are rewritten (ids kept where kind, span and text, or order and subject, are
 * unchanged), the departments re-resolved, the corrections put back on top, and the derived data
 * of its meeting (and of the meetings whose gaps its directives answered) derived again. A document
 * whose new reading is what is stored only records the new version. With dryRun nothing is
 * written. Throws when the document cannot be re-extracted (the graph keeps it as it was).
 */
export async function reextractDocument(
  db: Queryable,
  documentId: string,
  options: { dryRun?: boolean } = {},
): Promise<ReextractRow> {
  if (options.dryRun) {
    const [stored] = await db.read<StoredDocument>(q.STORED_DOCUMENT, { id: documentId });
    return rowOf(documentId, planFor(documentId, stored));
  }
  return db.transaction(async (tx) => {
    // One re-extraction or derivation at a time: each reads what the one before committed.
    await lockDerivation(tx);
    const [stored] = await tx.run<StoredDocument>(q.STORED_DOCUMENT, { id: documentId });
    const plan = planFor(documentId, stored);
    if (!plan.changed) {
      await tx.run(q.RECORD_VERSION, { readout: plan.rows });
      return rowOf(documentId, plan);
    }
    const { rows, keptItemIds, keptReportIds } = plan;
    const rederive = await underiveMeetings(tx, [rows.meeting.id]);
    await tx.run(q.CLEAR_STATED, { plan: { meetingId: rows.meeting.id, keptItemIds, keptReportIds } });
    await tx.run(q.WRITE_REEXTRACTED, { readout: rows });
    await tx.run(q.DROP_UNUSED, { unused: namedBefore(stored, rows) });
    const { orphaned } = await reapplyCorrections(tx, documentId);
    await deriveMeetings(tx, rederive);
    return rowOf(documentId, plan, orphaned);
  });
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ");

// Time kept in hand before a deadline: twice the slowest document so far, and a little more.
const reserveMs = (slowest: number) => 2 * slowest + 250;

/**
 * Re-extracts the documents another extractor version read (every one with `all`), each in its
 * own transaction (see reextractDocument), in id order. A document that fails is reported and the
 * others go on; `onRow` hears of each as it is done. The run stops early, saying how many it left
 * and where to go on, when the deadline is near or the database cannot be reached for
 * STOP_AFTER_UNAVAILABLE documents in a row. Documents written from a given (reviewed) extraction
 * are never re-extracted.
 */
export async function reextractDocuments(
  db: Queryable,
  options: ReextractOptions = {},
  onRow: (row: ReextractRow) => void = () => undefined,
): Promise<ReextractRun> {
  const ids = (
    await db.read<{ id: string }>(q.DOCUMENTS_BEHIND, {
      all: options.all ?? false,
      after: options.after ?? null,
      version: extractorVersion(),
      given: GIVEN_EXTRACTION,
    })
  ).map((r) => r.id);
  const rows: ReextractRow[] = [];
  let slowest = 0;
  let unavailableInARow = 0;
  let unavailable: string | null = null;
  for (const id of ids) {
    if (options.deadline !== undefined && Date.now() + reserveMs(slowest) > options.deadline) break;
    const started = Date.now();
    let row: ReextractRow;
    try {
      row = await reextractDocument(db, id, { dryRun: options.dryRun });
      unavailableInARow = 0;
    } catch (error) {
      row = {
        document: id,
        status: "failed",
        added: 0,
        removed: 0,
        retagged: 0,
        resolved: 0,
        orphaned: [],
        error: reason(error),
      };
      if (isUnavailable(error) && ++unavailableInARow >= STOP_AFTER_UNAVAILABLE) unavailable = reason(error);
    }
    slowest = Math.max(slowest, Date.now() - started);
    rows.push(row);
    onRow(row);
    if (unavailable) break;
  }
  if (!options.dryRun && rows.some((r) => r.status === "updated")) await awaitSearchable(db);
  const remaining = ids.length - rows.length;
  return {
    rows,
    remaining,
    continueAfter: remaining ? (rows.at(-1)?.document ?? options.after ?? null) : null,
    unavailable,
  };
}
