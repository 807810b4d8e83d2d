import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { Queryable } from "../../platform/db/neo4j";
import { entityIri } from "../../model/iri";
import { propertyPages, relationshipPages } from "./linked-data.repository";
import { ENTITY_FILES, ENTITY_PROPERTIES, ENTITY_TYPES, RELATIONSHIPS, relationshipFile } from "./model";
import { chunkWriter } from "./stream";

/**
 * The graph as CSV tables (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote
 * or line break quoted, quotes doubled; UTF-8 without BOM): one file per entity type with a
 * header row (`id,iri,…stored properties`) and one per relationship type (`from_id,to_id,…its
 * properties`). Lists are joined with "|". Read a page at a time and written with backpressure.
 */

/** One CSV field. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = Array.isArray(value) ? value.map((v) => String(v)).join("|") : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (fields: unknown[]) => `${fields.map(csvField).join(",")}\r\n`;

/** A file the export wrote and the number of data rows in it. */
export interface CsvFile {
  file: string;
  rows: number;
}

async function writeTable(path: string, header: string[], pages: AsyncGenerator<unknown[][]>): Promise<number> {
  const stream = createWriteStream(path, { encoding: "utf8" });
  let failure: Error | undefined;
  stream.on("error", (e) => (failure = e));
  const write = chunkWriter(stream);
  let rows = 0;
  try {
    await write(csvLine(header));
    for await (const page of pages) {
      await write(page.map(csvLine).join(""));
      rows += page.length;
    }
  } catch (e) {
    throw failure ?? e;
  } finally {
    stream.end();
    if (!stream.closed) await new Promise<void>((resolve) => stream.once("close", () => resolve()));
  }
  if (failure) throw failure;
  return rows;
}

/** Writes every entity and relationship table into `dir`; returns the files in the order written. */
export async function writeCsvExport(db: Queryable, dir: string, baseUrl: string, batch = 2000): Promise<CsvFile[]> {
  const out: CsvFile[] = [];
  for (const type of ENTITY_TYPES) {
    const columns = ENTITY_PROPERTIES[type].filter((p) => p !== "id");
    const file = `${ENTITY_FILES[type]}.csv`;
    async function* rows() {
      for await (const page of propertyPages(db, type, batch)) {
        yield page.map((r) => [r.id, entityIri(baseUrl, type, String(r.id)), ...columns.map((c) => r[c])]);
      }
    }
    out.push({ file, rows: await writeTable(join(dir, file), ["id", "iri", ...columns], rows()) });
  }
  for (const rel of RELATIONSHIPS) {
    const file = `${relationshipFile(rel.type)}.csv`;
    async function* rows() {
      for await (const page of relationshipPages(db, rel, batch)) {
        yield page.map((r) => [r.from, r.to, ...rel.props.map((p) => r.props[p])]);
      }
    }
    out.push({ file, rows: await writeTable(join(dir, file), ["from_id", "to_id", ...rel.props], rows()) });
  }
  return out;
}
