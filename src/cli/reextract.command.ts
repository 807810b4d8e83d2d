import { loadConfig } from "../platform/config";
import { isUnavailable } from "../platform/db/neo4j";
import { extractorVersion } from "../pipeline/extraction/extractor-version";
import { reextractDocuments, ReextractRow } from "../pipeline/ingest/reextract.service";
import { oneLine, openForCommand } from "./database";
import { EXIT } from "./exit";

const USAGE = `usage: policygraph reextract [--all] [--dry-run] [--json]

Runs the current extractor again over the stored documents that an older version read (every
document with --all), from their stored text, and rewrites each one's meeting, reports and items
in one transaction: items whose kind, span and text are unchanged keep their ids (and with them
their IRIs, links and corrections), departments are resolved anew, and the meeting's inferred
links and tallies are derived again. Documents written from a reviewed extraction (the seed) are
left as they are. Connects like the server (NEO4J_URI, or the local Neo4j of POLICYGRAPH_HOME).
  --all       every document, not only those behind
  --dry-run   compute and report what would change, write nothing
  --json      print [{document, status, added, removed, retagged, resolved, orphaned, error}] on stdout
Each document is updated (with counts of items added, removed and retagged, and of reports whose
departments changed), unchanged (it records the new version), or failed (left as it was).
Exit status: 0 all went well, 1 any document failed (the others stay committed), 2 bad usage,
3 the database could not be reached or prepared, or went away during the run (it stops after 3
documents in a row; a re-run does the rest).
`;

const FLAGS = ["--all", "--dry-run", "--json"];

/** `policygraph reextract`: see USAGE. */
export async function runReextract(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return EXIT.OK;
  }
  const unknown = args.filter((a) => !FLAGS.includes(a));
  if (unknown.length) {
    const what = unknown[0].startsWith("-") ? `unknown option ${unknown[0]}` : `unexpected argument ${unknown[0]}`;
    process.stderr.write(`policygraph reextract: ${what}\n${USAGE}`);
    return EXIT.BAD_INPUT;
  }
  const all = args.includes("--all");
  const dryRun = args.includes("--dry-run");
  const json = args.includes("--json");

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const open = await openForCommand("reextract", loadConfig(), log);
  if (typeof open === "number") return open;
  let run;
  try {
    run = await reextractDocuments(open.db, { all, dryRun }, (row) => {
      if (!json) process.stdout.write(humanLine(row, dryRun));
    });
  } catch (e) {
    const unreachable = isUnavailable(e);
    process.stderr.write(
      `policygraph reextract: ${unreachable ? "cannot reach the database" : "failed"}: ${oneLine(e)}\n`,
    );
    return unreachable ? EXIT.UNAVAILABLE : EXIT.FAILED;
  } finally {
    await open.close();
  }
  if (json) process.stdout.write(JSON.stringify(run.rows, null, 2) + "\n");
  const count = (s: ReextractRow["status"]) => run.rows.filter((r) => r.status === s).length;
  const orphaned = run.rows.reduce((n, r) => n + r.orphaned.length, 0);
  log(
    `${run.rows.length} document(s)${dryRun ? " (dry run, nothing written)" : ""}: ${count("updated")} updated, ${count("unchanged")} unchanged, ${count("failed")} failed${orphaned ? `; ${orphaned} correction(s) lost their target` : ""} (extractor ${extractorVersion()})`,
  );
  if (run.unavailable) {
    log(
      `policygraph reextract: stopped: the database could not be reached for 3 documents in a row (${run.unavailable}); ${run.remaining} not tried — run the same command again to finish the rest`,
    );
    return EXIT.UNAVAILABLE;
  }
  return count("failed") ? EXIT.FAILED : EXIT.OK;
}

function humanLine(r: ReextractRow, dryRun: boolean): string {
  if (r.status === "failed") return `failed     ${r.document}: ${r.error}\n`;
  const status = r.status === "updated" && dryRun ? "would update" : r.status;
  const counts =
    r.status === "updated"
      ? ` (${r.added} added, ${r.removed} removed, ${r.retagged} retagged, ${r.resolved} re-resolved${r.orphaned.length ? `; corrections without target: ${r.orphaned.join(", ")}` : ""})`
      : "";
  return `${status.padEnd(10)} ${r.document}${counts}\n`;
}
