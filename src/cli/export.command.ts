import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../platform/config";
import { isUnavailable } from "../platform/db/neo4j";
import { writeCsvExport } from "../outputs/linked-data/csv";
import { DumpFormat, writeDump } from "../outputs/linked-data/dump";
import { oneLine, openForCommand } from "./database";
import { EXIT } from "./exit";
import { OutputFailed, writeOutput } from "./output-file";

const USAGE = `usage: policygraph export --format ttl|jsonld|csv [--out DIR]

Writes the whole graph. ttl, jsonld: one Turtle or JSON-LD document (its @context inline, so the
file stands alone) on stdout, or in DIR/policygraph.ttl / DIR/policygraph.jsonld with --out.
csv: one file per entity type (departments.csv, meetings.csv, …) and per relationship type
(gave.csv, about.csv, …) in DIR; --out is required. IRIs start with PUBLIC_BASE_URL
(default http://localhost:PORT, PORT 4000). Connects like the server: NEO4J_URI, or the local
Neo4j of POLICYGRAPH_HOME (reused when running, started and stopped otherwise).
Exit status: 0 done, 1 the export failed (e.g. a file could not be written), 2 bad usage,
3 the database could not be reached or prepared.
`;

const FORMATS = ["ttl", "jsonld", "csv"] as const;
type ExportFormat = (typeof FORMATS)[number];

interface ExportArgs {
  format: ExportFormat;
  out: string | undefined;
}

/** Parses `--format X`, `--format=X`, `--out DIR`, `--out=DIR`; a string is the usage error. */
export function parseExportArgs(args: string[]): ExportArgs | string {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const m = /^--(format|out)(?:=(.*))?$/.exec(arg);
    if (!m) return arg.startsWith("-") ? `unknown option ${arg}` : `unexpected argument "${arg}"`;
    const value = m[2] ?? args[++i];
    if (value === undefined || value === "") return `--${m[1]} needs a value`;
    if (m[1] in values) return `--${m[1]} given twice`;
    values[m[1]] = value;
  }
  if (!values.format) return "--format is required (ttl, jsonld or csv)";
  if (!(FORMATS as readonly string[]).includes(values.format)) {
    return `unknown format "${values.format}" (ttl, jsonld or csv)`;
  }
  if (values.format === "csv" && !values.out) return "--format csv needs --out DIR (it writes one file per type)";
  if (values.out && statSync(values.out, { throwIfNoEntry: false })?.isFile()) {
    return `--out ${values.out} is a file, not a directory`;
  }
  return { format: values.format as ExportFormat, out: values.out };
}

/** `policygraph export`: see USAGE. */
export async function runExport(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return EXIT.OK;
  }
  const parsed = parseExportArgs(args);
  if (typeof parsed === "string") {
    process.stderr.write(`policygraph export: ${parsed} (see policygraph export --help)\n`);
    return EXIT.BAD_INPUT;
  }
  const config = loadConfig();
  const baseUrl = config.publicBaseUrl ?? `http://localhost:${config.port}`;
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const open = await openForCommand("export", config, log);
  if (typeof open === "number") return open;

  try {
    if (parsed.out) mkdirSync(parsed.out, { recursive: true });
    if (parsed.format === "csv") {
      const files = await writeCsvExport(open.db, parsed.out!, baseUrl);
      const rows = files.reduce((n, f) => n + f.rows, 0);
      log(`wrote ${files.length} CSV files (${rows} rows) to ${parsed.out}`);
      return EXIT.OK;
    }
    const format: DumpFormat = parsed.format === "ttl" ? "turtle" : "jsonld";
    const path = parsed.out ? join(parsed.out, `policygraph.${parsed.format}`) : undefined;
    // Written under a temporary name and renamed when complete: a failed export leaves no file
    // that looks whole.
    const stats = await writeOutput(path, (write) => writeDump(open.db, write, { baseUrl, format, context: "inline" }));
    log(`exported ${stats.entities} entities (${stats.triples} triples)${path ? ` to ${path}` : ""}`);
    return EXIT.OK;
  } catch (e) {
    const unavailable = !(e instanceof OutputFailed) && isUnavailable(e);
    process.stderr.write(
      `policygraph export: ${unavailable ? "cannot reach the database: " : "export failed: "}${oneLine(e)}\n`,
    );
    return unavailable ? EXIT.UNAVAILABLE : EXIT.FAILED;
  } finally {
    await open.close();
  }
}
