import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../../src/platform/db/neo4j";
import { ingestReadoutText, IngestOutcome } from "../../src/pipeline/ingest/ingest.service";
import { seedIfEmpty } from "../../src/pipeline/ingest/seed";
import { projectRoot } from "../../src/platform/paths";

/** Readouts written for the tests, in the genre (test/fixtures/readouts). */
export const READOUTS = ["2021-06-30-districts", "2022-01-28-districts", "2022-05-31-municipal-traditional"] as const;

export const readoutPath = (name: string) => join(projectRoot, "test", "fixtures", "readouts", `${name}.txt`);
export const readoutText = (name: string) => readFileSync(readoutPath(name), "utf8");

/** The seed plus every test readout: four meetings from 2021-06-30 to 2022-05-31. */
export async function ingestAll(db: Database): Promise<IngestOutcome[]> {
  await seedIfEmpty(db);
  const out: IngestOutcome[] = [];
  for (const name of READOUTS) out.push(await ingestReadoutText(db, readoutText(name)));
  return out;
}
