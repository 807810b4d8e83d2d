import { Queryable } from "../db/neo4j";
import { badInput } from "../errors";
import { Extraction, ExtractedItem, Span } from "../extraction/extraction.types";
import { parseReadoutFile } from "../extraction/readout";
import { buildGraphRows, GraphRows } from "./graph-rows";
import { writeReadout } from "./ingest.writer";

export type IngestStatus = "created" | "unchanged" | "dry-run";

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
 * `policygraph extract` prints them) into the graph, in one transaction; with dryRun nothing is
 * written and the outcome says what would be.
 */
export async function ingestExtractedFile(
  db: Queryable,
  fileText: string,
  extraction: Extraction,
  options: { dryRun?: boolean } = {},
): Promise<IngestOutcome> {
  const { frontMatter, body, bodyStart } = parseReadoutFile(fileText);
  const rows = buildGraphRows({ ...frontMatter, text: body }, toBodyOffsets(extraction, bodyStart));
  const outcome = { reports: rows.reports.length, warnings: extraction.warnings ?? [], rows };
  if (options.dryRun) {
    return { ...outcome, status: "dry-run", meetingId: rows.meeting.id, documentId: rows.document.id };
  }
  const written = await writeReadout(db, rows);
  return { ...outcome, ...written };
}
