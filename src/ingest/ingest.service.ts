import { Queryable } from "../db/neo4j";
import { badInput } from "../errors";
import { decodeReadout } from "../extraction/decode";
import { extractReadout } from "../extraction/extract";
import { Extraction, ExtractedItem, Span } from "../extraction/extraction.types";
import { FrontMatter, parseReadoutFile } from "../extraction/readout";
import { buildGraphRows, GraphRows } from "./graph-rows";
import { FIND_DOCUMENT } from "./ingest.cypher";
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
  const { frontMatter, body, bodyStart } = parseReadoutFile(fileText);
  const rows = buildGraphRows({ ...frontMatter, text: body }, toBodyOffsets(extraction, bodyStart));
  const outcome = { reports: rows.reports.length, warnings: extraction.warnings ?? [], rows };
  // A read first: a document already there (re-running an ingest over a folder) costs no write.
  // The writer checks again under a lock, for two writers of the same document at once.
  const [existing] = await db.read<{ meetingId: string | null }>(FIND_DOCUMENT, { sha256: rows.document.sha256 });
  if (existing || options.dryRun) {
    return {
      ...outcome,
      status: existing ? "unchanged" : "dry-run",
      meetingId: existing?.meetingId ?? rows.meeting.id,
      documentId: rows.document.id,
    };
  }
  return { ...outcome, ...(await writeReadout(db, rows, { derive: options.derive })) };
}

/**
 * Extracts and writes one readout file. Refuses (BAD_USER_INPUT, nothing written) text in which
 * the extractor finds no reports: it is not a readout this graph can hold.
 */
export async function ingestReadoutText(
  db: Queryable,
  fileText: string,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const extraction = extractReadout(fileText);
  if (!extraction.reports.length) {
    throw badInput(`not a review-meeting readout: ${extraction.warnings[0] ?? "no reports found"}`);
  }
  return ingestExtractedFile(db, fileText, extraction, options);
}

/** Decodes raw bytes (refusing empty, binary, non-UTF-8 or oversized input) and ingests them. */
export async function ingestReadoutBytes(db: Queryable, bytes: Uint8Array, options: IngestOptions = {}) {
  return ingestReadoutText(db, decodeReadout(bytes), options);
}

/** A readout file's text from its parts, as the extractor reads it (front matter, blank line, body). */
export function readoutFileText(frontMatter: FrontMatter, body: string): string {
  const line = (v: string) => v.replace(/[\r\n]+/g, " ").trim();
  return `---\ntitle: ${line(frontMatter.title)}\nurl: ${line(frontMatter.url)}\npublished: ${line(frontMatter.published)}\n---\n\n${body}`;
}
