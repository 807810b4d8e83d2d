import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../platform/config";
import { checkReadoutSize } from "../pipeline/extraction/decode";
import { formatOfPath } from "../pipeline/extraction/input";
import { BulkResult, InputBytes, ingestMany, IngestStopped } from "../pipeline/ingest/ingest.bulk";
import { oneLine, openForCommand } from "./database";
import { Progress } from "./progress";
import { READOUT_FLAGS_USAGE, takeReadoutFlags } from "./readout-flags";
import { EXIT } from "./exit";

const USAGE = `usage: policygraph ingest FILE|DIR… [--dry-run] [--json] [--published YYYY-MM-DD] [--host NAME]

Extracts each readout file or saved page (a DIR: every .txt, .html and .htm file under it) and
writes it into the graph, all or
nothing per file: new documents go in 16 per transaction, and a transaction that fails is written
again one file per transaction, so only the files that cannot be written are left out. Their
inferred links and tallies are derived in batches beside the writes, the last before the command
ends. Connects like the server: NEO4J_URI, or the local Neo4j of POLICYGRAPH_HOME (reused when
running, started and stopped otherwise).
  --dry-run   extract and validate, write nothing
  --json      print [{file, status, meeting, reports, unclassified, error}] on stdout
${READOUT_FLAGS_USAGE}
              (both for every file; a file's own front matter or page wins)
Exit status: 0 all went in, 1 any file failed (the others stay committed), 2 bad usage,
3 the database could not be reached or prepared (migrations, derived data), or went away
during the run (it stops after 3 files in a row; a re-run finishes the rest).
`;

/** The outcome of one file, as printed with --json. */
export interface FileResult {
  file: string;
  status: "created" | "unchanged" | "dry-run" | "failed";
  meeting: string | null;
  reports: number;
  /** Items no keyword, rule or portfolio gave a theme. */
  unclassified: number;
  error: string | null;
}

/** The inputs a directory ingest picks up: readout files and saved pages. */
const INPUT_FILE = /\.(?:txt|html?)$/i;

/** Every readout file named: files as given, directories searched for .txt, .html and .htm files, sorted. */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && INPUT_FILE.test(entry.name)) out.push(path);
    }
  };
  for (const p of paths) {
    const stat = statSync(p, { throwIfNoEntry: false });
    if (stat?.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/** A readout file's bytes and the format its name says; throws the one-line reason when it cannot be one. */
function readReadoutFile(file: string): InputBytes {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new Error("no such file");
  if (!stat.isFile()) throw new Error("not a file");
  checkReadoutSize(stat.size);
  return { bytes: readFileSync(file), format: formatOfPath(file) };
}

function fileResult(file: string, result: BulkResult): FileResult {
  return result.outcome
    ? {
        file,
        status: result.outcome.status,
        meeting: result.outcome.meetingId,
        reports: result.outcome.reports,
        unclassified: result.outcome.unclassified,
        error: null,
      }
    : { file, status: "failed", meeting: null, reports: 0, unclassified: 0, error: oneLine(result.error) };
}

/** `policygraph ingest`: see USAGE. */
export async function runIngest(argv: string[]): Promise<number> {
  const flags = takeReadoutFlags(argv);
  const args = flags.rest;
  if (flags.error) {
    process.stderr.write(`policygraph ingest: ${flags.error}\n`);
    return EXIT.BAD_INPUT;
  }
  const dryRun = args.includes("--dry-run");
  const json = args.includes("--json");
  const unknown = args.filter((a) => a.startsWith("-") && !["--dry-run", "--json"].includes(a));
  const paths = args.filter((a) => !a.startsWith("-"));
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return EXIT.OK;
  }
  if (unknown.length || !paths.length) {
    process.stderr.write(
      `policygraph ingest: ${unknown.length ? `unknown option ${unknown[0]}` : "no files given"}\n${USAGE}`,
    );
    return EXIT.BAD_INPUT;
  }
  const files = collectFiles(paths);
  if (!files.length) {
    process.stderr.write(`policygraph ingest: no .txt or .html files under ${paths.join(", ")}\n`);
    return EXIT.BAD_INPUT;
  }

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const open = await openForCommand("ingest", loadConfig(), log);
  if (typeof open === "number") return open;

  const results: FileResult[] = new Array(files.length);
  const progress = new Progress(files.length, process.stderr);
  let printed = 0;
  let derivation: string | null = null;
  let stopped: IngestStopped | null = null;
  try {
    const options = { dryRun, defaults: flags.defaults, publishedFlag: "--published" };
    await ingestMany(open.db, files, readReadoutFile, options, (index, result) => {
      results[index] = fileResult(files[index], result);
      progress.tick(results[index].status);
      // Lines come out in the order of the files, whichever finished first.
      for (; printed < files.length && results[printed]; printed++)
        if (!json && !progress.active) process.stdout.write(humanLine(results[printed]));
    });
  } catch (e) {
    if (e instanceof IngestStopped) stopped = e;
    else derivation = oneLine(e);
  } finally {
    progress.done();
    await open.close();
  }
  if (json) process.stdout.write(JSON.stringify(results.filter(Boolean), null, 2) + "\n");
  else if (progress.active)
    results.filter((r) => r?.status === "failed").forEach((r) => process.stdout.write(humanLine(r)));
  const count = (s: FileResult["status"]) => results.filter((r) => r?.status === s).length;
  const unclassified = results.reduce((n, r) => n + (r?.unclassified ?? 0), 0);
  log(
    `${files.length} file(s): ${count("created")} created, ${count("unchanged")} unchanged, ${count("dry-run")} dry-run, ${count("failed")} failed; ${unclassified} item(s) unclassified`,
  );
  if (stopped) {
    log(
      `policygraph ingest: ${stopped.message}; ${count("created")} written, ${count("failed")} failed, ${stopped.notTried} not tried — run the same command again to finish the rest`,
    );
    return EXIT.UNAVAILABLE;
  }
  if (derivation) {
    log(
      `policygraph ingest: the documents are in, but deriving their inferred links and tallies failed (${derivation}); the next start or ingest derives them`,
    );
  }
  return count("failed") || derivation ? EXIT.FAILED : EXIT.OK;
}

function humanLine(r: FileResult): string {
  return r.status === "failed"
    ? `failed     ${r.file}: ${r.error}\n`
    : `${r.status.padEnd(10)} ${r.file} → ${r.meeting} (${r.reports} reports${r.unclassified ? `, ${r.unclassified} unclassified` : ""})\n`;
}
