import { Config } from "../../platform/config";
import { migrate } from "./migrations";
import { Database } from "../../platform/db/neo4j";
import { LocalNeo4j, startLocalNeo4j } from "../../platform/db/local-neo4j/local-neo4j";
import { seedIfEmpty } from "../ingest/seed";
import { countBehind } from "../ingest/reextract.service";
import { extractorVersion } from "../extraction/extractor-version";
import { ensureDerived } from "../derived/derived.repository";
import { syncThemes } from "./themes";

export type Log = (line: string) => void;

/** A connected database and, in local mode, the Neo4j process behind it. */
export interface OpenDatabase {
  db: Database;
  local: LocalNeo4j | undefined;
  /** Closes the driver and stops the local Neo4j when this process started it. */
  close(): Promise<void>;
}

/**
 * Connects as configured: NEO4J_URI when set, otherwise the local Neo4j of POLICYGRAPH_HOME
 * (reused when running, started otherwise).
 */
export async function openDatabase(config: Config, log: Log): Promise<OpenDatabase> {
  const { neo4j } = config;
  let local: LocalNeo4j | undefined;
  let db: Database;
  if (neo4j.uri) {
    if (!neo4j.password) throw new Error("NEO4J_URI is set but NEO4J_PASSWORD is not");
    db = Database.connect({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database });
    await db.waitUntilAvailable(neo4j.connectTimeoutMs, log);
  } else {
    local = await startLocalNeo4j({ ...config.local, log: (line) => log(`[neo4j] ${line}`) });
    db = Database.connect({ uri: local.uri, user: local.user, password: local.password, database: "neo4j" });
    await db.waitUntilAvailable(60_000, log);
  }
  const open: OpenDatabase = {
    db,
    local,
    close: async () => {
      await db.close();
      // `local` may have been replaced by a restart (see server/main.ts).
      await open.local?.stop();
    },
  };
  return open;
}

/**
 * Brings the database to the current schema and reference data; seeds the founding meeting when
 * empty. Resolves with how long each step took (ms), for the start-up log.
 */
export async function prepareDatabase(
  db: Database,
  options: { seed: boolean },
  log: Log,
): Promise<Record<string, number>> {
  const took: Record<string, number> = {};
  const step = async (name: string, work: () => Promise<unknown>) => {
    const t0 = Date.now();
    await work();
    took[name] = Date.now() - t0;
  };
  await step("migrations", () => migrate(db));
  await step("themes", () => syncThemes(db));
  await step("derived", () => ensureDerived(db, log));
  if (options.seed) {
    await step("seed", async () => {
      const seeded = await seedIfEmpty(db);
      if (seeded) log(`seeded the founding meeting ${seeded.meetingId} (${seeded.reports} reports)`);
    });
  }
  return took;
}

/** Logs how many documents an older extractor read (or one that recorded no version), and the command that reads them again. */
export async function logExtractorStatus(db: Database, log: Log): Promise<number> {
  const behind = await countBehind(db);
  if (behind) {
    log(
      `${behind} document(s) were read by another extractor version than this one (${extractorVersion()}): run \`policygraph reextract\` (or the curators' reextract mutation) to bring them up to date`,
    );
  }
  return behind;
}
