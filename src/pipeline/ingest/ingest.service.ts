import { Queryable } from "../../platform/db/neo4j";
import { badInput } from "../../platform/errors";
import { ReadoutInputError } from "../extraction/decode";
import { extractFile } from "../extraction/extract";
import { Extraction, ExtractedItem, Span } from "../extraction/extraction.types";
import { extractorVersion, GIVEN_EXTRACTION } from "../extraction/extractor-version";
import { ReadInput, readReadoutBytes, ReadOptions, readReadoutText, undatedReason } from "../extraction/input";
import { parseReadoutFile, ReadoutFile } from "../extraction/readout";
import { buildGraphRows, GraphRows } from "../rows/graph-rows";
import { FIND_DOCUMENTS } from "./ingest.cypher";
import { writeReadout } from "./ingest.writer";

export type IngestStatus = "created" | "unchanged" | "dry-run";

/** How to ingest: `dryRun` writes nothing; `derive: false` leaves inferred links and tallies to a later derivePending. */
export interface IngestOptions {
  dryRun?: boolean;
  derive?: boolean;
}

export interface IngestOutcome {
  status: IngestStatus;
  meetingId: string;
  documentId: string;
  reports: number;
  /** Items of the readout no keyword, rule or portfolio gave a theme. */
  unclassified: number;
  warnings: string[];
  rows: GraphRows;
}

function shift(span: Span, by: number, what: string): Span {
  const out: Span = [span[0] - by, span[1] - by];
  if (out[0] < 0) throw badInput(`${what} points into the front matter, not the body`);
  return out;
}

function shiftItem<T extends ExtractedItem>(item: T, by: number, what: string): T {
  return { ...item, span: shift(item.span, by, what), sentence: item.sentence && shift(item.sentence, by, what) };
}

/** Re-bases an extraction's spans from file offsets to body offsets. */
export function toBodyOffsets(extraction: Extraction, bodyStart: number): Extraction {
  if (bodyStart === 0) return extraction;
  return {
    ...extraction,
    reports: extraction.reports.map((r) => ({
      ...r,
      achievements: r.achievements.map((a, i) => shiftItem(a, bodyStart, `achievement ${i + 1} of ${r.subject}`)),
      shortcomings: r.shortcomings.map((s, i) => shiftItem(s, bodyStart, `shortcoming ${i + 1} of ${r.subject}`)),
    })),
    directives: extraction.directives.map((d, i) => shiftItem(d, bodyStart, `directive ${i + 1}`)),
  };
}

/** A readout made ready to write: its graph rows, and what an outcome reports of it. */
export interface PreparedReadout {
  rows: GraphRows;
  reports: number;
  unclassified: number;
  warnings: string[];
}

/** How raw input becomes a readout to write: its format, the caller's defaults, and what the caller calls the published default. */
export interface PrepareOptions extends ReadOptions {
  /** Named in the error for a readout nothing dates: `--published` on the command line (default `published`). */
  publishedFlag?: string;
}

/**
 * Builds the graph rows of a readout (the document keeps its body) and its extraction (offsets into
 * `file.text`), recording which extractor version read it (GIVEN_EXTRACTION for one given with it).
 */
export function prepareExtracted(file: ReadoutFile, extraction: Extraction, version: string): PreparedReadout {
  const rows = buildGraphRows(
    { ...file.frontMatter, text: file.body },
    toBodyOffsets(extraction, file.bodyStart),
    version,
  );
  const unclassified = [...rows.achievements, ...rows.shortcomings, ...rows.directives].filter(
    (i) => i.unclassified,
  ).length;
  return { rows, reports: rows.reports.length, unclassified, warnings: extraction.warnings ?? [] };
}

/** Builds the graph rows of one readout file (front matter + body) and its extraction (file offsets). */
export function prepareExtractedFile(fileText: string, extraction: Extraction): PreparedReadout {
  return prepareExtracted(parseReadoutFile(fileText), extraction, GIVEN_EXTRACTION);
}

/**
 * Extracts a readout read from its input and builds its rows. Refuses (BAD_USER_INPUT) text in
 * which the extractor finds no reports (it is not a readout this graph can hold), and a readout
 * nothing dates, naming the flag that would.
 */
export function prepareRead(input: ReadInput, options: PrepareOptions = {}): PreparedReadout {
  const extraction = extractFile(input.file);
  if (!extraction.reports.length) {
    throw badInput(`not a review-meeting readout: ${extraction.warnings[0] ?? "no reports found"}`);
  }
  const undated = undatedReason(input, extraction, options.publishedFlag ?? "published");
  if (undated) throw badInput(undated);
  return prepareExtracted(input.file, extraction, extractorVersion());
}

/** Extracts one readout (a readout file's text, or a page's HTML) and builds its rows; see prepareRead. */
export function prepareReadoutText(text: string, options: PrepareOptions = {}): PreparedReadout {
  return prepareRead(
    readInput(() => readReadoutText(text, options)),
    options,
  );
}

/** Decodes raw bytes (refusing empty, binary, undecodable or oversized input), extracts and builds rows. */
export function prepareReadoutBytes(bytes: Uint8Array, options: PrepareOptions = {}): PreparedReadout {
  return prepareRead(
    readInput(() => readReadoutBytes(bytes, options)),
    options,
  );
}

// Input refused by the readers (a page without article text) is the caller's bad input.
function readInput(read: () => ReadInput): ReadInput {
  try {
    return read();
  } catch (e) {
    if (e instanceof ReadoutInputError) throw badInput(e.message);
    throw e;
  }
}

/** A document already in the graph: its id and the meeting recorded in it. */
export interface ExistingDocument {
  documentId: string;
  meetingId: string | null;
}

/** Which of these readouts' documents are already in the graph (one read for all), by body hash. */
export async function findDocuments(
  db: Queryable,
  readouts: readonly PreparedReadout[],
): Promise<Map<string, ExistingDocument>> {
  if (!readouts.length) return new Map();
  const found = await db.read<ExistingDocument & { sha256: string }>(FIND_DOCUMENTS, {
    batch: { sha256s: readouts.map((r) => r.rows.document.sha256) },
  });
  return new Map(found.map(({ sha256, ...existing }) => [sha256, existing]));
}

/**
 * Writes a prepared readout in one transaction unless `existing` says its document is there
 * already (the writer checks again under a lock, for two writers of the same document at once).
 * With dryRun nothing is written: the outcome says `unchanged` or `dry-run`.
 */
export async function writePrepared(
  db: Queryable,
  prepared: PreparedReadout,
  existing: ExistingDocument | undefined,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const { rows } = prepared;
  if (existing || options.dryRun) {
    return {
      ...prepared,
      status: existing ? "unchanged" : "dry-run",
      meetingId: existing?.meetingId ?? rows.meeting.id,
      documentId: rows.document.id,
    };
  }
  return { ...prepared, ...(await writeReadout(db, rows, { derive: options.derive })) };
}

// A read first: a document already there (re-running an ingest over a folder) costs no write.
async function ingestPrepared(db: Queryable, prepared: PreparedReadout, options: IngestOptions) {
  const existing = await findDocuments(db, [prepared]);
  return writePrepared(db, prepared, existing.get(prepared.rows.document.sha256), options);
}

/**
 * Writes one readout file (front matter + body) with its extraction (file offsets, as
 * `policygraph extract` prints them) into the graph, in one transaction. With dryRun nothing is
 * written: the outcome says `unchanged` when the document is already there, `dry-run` otherwise.
 */
export async function ingestExtractedFile(
  db: Queryable,
  fileText: string,
  extraction: Extraction,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  return ingestPrepared(db, prepareExtractedFile(fileText, extraction), options);
}

/**
 * Extracts and writes one readout (a readout file's text, or a page's HTML with `format: "html"`
 * or a doctype). Refuses (BAD_USER_INPUT, nothing written) text in which
 * the extractor finds no reports: it is not a readout this graph can hold.
 */
export async function ingestReadoutText(
  db: Queryable,
  fileText: string,
  options: IngestOptions & PrepareOptions = {},
): Promise<IngestOutcome> {
  return ingestPrepared(db, prepareReadoutText(fileText, options), options);
}
