import { readFileSync, statSync } from "node:fs";

import { loadConfig } from "../platform/config";
import { isUnavailable } from "../platform/db/neo4j";
import {
  exportCorrections,
  importCorrections,
  ImportRow,
  MalformedExport,
  parseExport,
} from "../pipeline/curation/exchange";
import { oneLine, openForCommand } from "./database";
import { EXIT } from "./exit";
import { writeOutput } from "./output-file";

const USAGE = `usage: policygraph corrections export [--out FILE]
       policygraph corrections import FILE [--json]

export  writes every correction (undos and undone ones too), in the order they were made, as JSON
        Lines on stdout or in FILE: id, kind, author, time, reason, what it asserts, and each target
        by id and by where it stands in the readouts (an item by document and span, a report by
        document and speaking order, a department by name).
import  replays an export onto a graph built from the same readouts, line by line, each correction
        in its own transaction, through the same checks as the API's mutations; it keeps each one's
        id, author, time and reason. A line the graph holds already is "present" (nothing changes:
        importing twice is a no-op); a target found by span rather than id is said so; a line
        whose target is not in this graph is reported and left out. A file with a line that is not
        a correction is refused whole, naming the line, and nothing is written.
  --json  print [{line, id, kind, status, placedBy, message}] on stdout
Connects like the server: NEO4J_URI, or the local Neo4j of POLICYGRAPH_HOME.
Exit status: 0 every line applied or present, 1 a line could not be placed or was refused (the
others stay committed), or the export could not be written, 2 bad usage or a malformed file,
3 the database could not be reached or prepared.
`;

const log = (line: string) => process.stderr.write(`${line}\n`);
const usageError = (what: string) => {
  process.stderr.write(`policygraph corrections: ${what} (see policygraph corrections --help)\n`);
  return EXIT.BAD_INPUT;
};

/** `policygraph corrections export|import`: see USAGE. */
export async function runCorrections(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return EXIT.OK;
  }
  const [sub, ...rest] = args;
  if (sub === "export") return runExportCorrections(rest);
  if (sub === "import") return runImportCorrections(rest);
  return usageError(sub ? `unknown subcommand "${sub}" (export or import)` : "export or import?");
}

function parseOut(args: string[]): { out: string | undefined } | string {
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const m = /^--out(?:=(.*))?$/.exec(args[i]);
    if (!m) return args[i].startsWith("-") ? `unknown option ${args[i]}` : `unexpected argument "${args[i]}"`;
    const value = m[1] ?? args[++i];
    if (!value) return "--out needs a value";
    if (out !== undefined) return "--out given twice";
    out = value;
  }
  if (out && statSync(out, { throwIfNoEntry: false })?.isDirectory()) return `--out ${out} is a directory, not a file`;
  return { out };
}

async function runExportCorrections(args: string[]): Promise<number> {
  const parsed = parseOut(args);
  if (typeof parsed === "string") return usageError(parsed);
  const open = await openForCommand("corrections", loadConfig(), log);
  if (typeof open === "number") return open;
  let count = 0;
  try {
    // A file is written beside its name and renamed when complete: never a half export under FILE.
    count = await writeOutput(parsed.out, async (write) => {
      let n = 0;
      for await (const lines of exportCorrections(open.db)) {
        n += lines.length;
        await write(lines.map((l) => JSON.stringify(l) + "\n").join(""));
      }
      return n;
    });
  } catch (e) {
    const unreachable = isUnavailable(e);
    process.stderr.write(
      `policygraph corrections export: ${unreachable ? "cannot reach the database" : "failed"}: ${oneLine(e)}\n`,
    );
    return unreachable ? EXIT.UNAVAILABLE : EXIT.FAILED;
  } finally {
    await open.close();
  }
  log(`${count} correction(s) exported${parsed.out ? ` to ${parsed.out}` : ""}`);
  return EXIT.OK;
}

function humanLine(r: ImportRow): string {
  const how = r.status === "applied" ? (r.placedBy === "span" ? " (target found by document span)" : "") : "";
  return `${r.status.padEnd(9)} line ${r.line} ${r.id} ${r.kind}${how}${r.message ? `: ${r.message}` : ""}\n`;
}

async function runImportCorrections(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const rest = args.filter((a) => a !== "--json");
  const unknown = rest.find((a) => a.startsWith("-"));
  if (unknown) return usageError(`unknown option ${unknown}`);
  if (rest.length !== 1) return usageError(rest.length ? `one FILE, not ${rest.length}` : "import needs a FILE");
  const file = rest[0];
  let lines;
  try {
    lines = parseExport(readFileSync(file, "utf8"));
  } catch (e) {
    const why = e instanceof MalformedExport ? `not a corrections export: ${e.message}` : `cannot read: ${oneLine(e)}`;
    process.stderr.write(`policygraph corrections import: ${file}: ${why}; nothing was written\n`);
    return EXIT.BAD_INPUT;
  }
  const open = await openForCommand("corrections", loadConfig(), log);
  if (typeof open === "number") return open;
  let rows: ImportRow[];
  try {
    rows = await importCorrections(open.db, lines, (row) => {
      if (!json) process.stdout.write(humanLine(row));
    });
  } catch (e) {
    const unreachable = isUnavailable(e);
    process.stderr.write(
      `policygraph corrections import: ${unreachable ? "cannot reach the database" : "failed"}: ${oneLine(e)} (the lines before it stay committed)\n`,
    );
    return unreachable ? EXIT.UNAVAILABLE : EXIT.FAILED;
  } finally {
    await open.close();
  }
  if (json) process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
  const count = (s: ImportRow["status"]) => rows.filter((r) => r.status === s).length;
  log(
    `${rows.length} line(s): ${count("applied")} applied, ${count("present")} present, ${count("unplaced")} unplaced, ${count("refused")} refused`,
  );
  return count("unplaced") + count("refused") ? EXIT.FAILED : EXIT.OK;
}
