import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Queryable } from "../../platform/db/neo4j";
import { Extraction } from "../extraction/extraction.types";
import { seedDir } from "../../platform/paths";
import { ingestExtractedFile, IngestOutcome } from "./ingest.service";

/** The founding readout shipped in seed/, and its reviewed extraction. */
export const SEED_READOUT = "2022-03-31-municipal-departments";

/** Writes the founding meeting through the ingestion writer (a no-op when it is already there). */
export async function seedFoundingMeeting(db: Queryable): Promise<IngestOutcome> {
  const fileText = readFileSync(join(seedDir, `${SEED_READOUT}.txt`), "utf8");
  const extraction = JSON.parse(readFileSync(join(seedDir, `${SEED_READOUT}.extraction.json`), "utf8")) as Extraction;
  return ingestExtractedFile(db, fileText, extraction);
}

/** Seeds the founding meeting when the graph holds no document at all. */
export async function seedIfEmpty(db: Queryable): Promise<IngestOutcome | undefined> {
  const [{ documents }] = await db.read<{ documents: number }>("MATCH (d:Document) RETURN count(d) AS documents");
  return documents === 0 ? seedFoundingMeeting(db) : undefined;
}
