import { openDatabase, OpenDatabase, prepareDatabase } from "../pipeline/bootstrap/bootstrap";
import { Config } from "../platform/config";
import { isUnavailable } from "../platform/db/neo4j";
import { EXIT } from "./exit";

/** An error's message on one line, for a CLI's one-line reasons. */
export function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ");
}

/**
 * Opens and prepares the database for a CLI command. On failure it prints one line saying
 * whether the database could not be reached or could not be prepared (a failed migration or
 * derivation is not a network problem), releases what it opened and returns exit status 3.
 */
export async function openForCommand(
  command: string,
  config: Config,
  log: (line: string) => void,
): Promise<OpenDatabase | number> {
  let open: OpenDatabase;
  try {
    open = await openDatabase(config, log);
  } catch (e) {
    process.stderr.write(`policygraph ${command}: cannot reach the database: ${oneLine(e)}\n`);
    return EXIT.UNAVAILABLE;
  }
  try {
    await prepareDatabase(open.db, { seed: false }, log);
    return open;
  } catch (e) {
    const what = isUnavailable(e) ? "cannot reach the database" : "cannot prepare the database";
    process.stderr.write(`policygraph ${command}: ${what}: ${oneLine(e)}\n`);
    await open.close().catch(() => undefined);
    return EXIT.UNAVAILABLE;
  }
}
