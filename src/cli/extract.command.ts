import { readFileSync, statSync } from "node:fs";
import { checkReadoutSize, decodeReadout, ReadoutInputError } from "../extraction/decode";
import { extractReadout } from "../extraction/extract";

const USAGE = `usage: policygraph extract FILE

Prints the extraction JSON of one readout file (front matter, blank line, article body).
FILE "-" reads standard input. Exit status: 0 done, 2 bad usage or input that is not a readout file.
`;

/** Exit status for bad usage and unusable input. */
const EXIT_BAD_INPUT = 2;

function fail(reason: string): number {
  process.stderr.write(`policygraph extract: ${reason.replace(/\s*\n\s*/g, " ")}\n`);
  return EXIT_BAD_INPUT;
}

function systemReason(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return `${file}: no such file`;
  if (code === "EACCES" || code === "EPERM") return `${file}: permission denied`;
  if (code === "EISDIR") return `${file}: is a directory`;
  return `${file}: cannot read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

function readBytes(file: string): Buffer {
  if (file === "-") return readFileSync(0);
  const stat = statSync(file);
  if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  checkReadoutSize(stat.size);
  return readFileSync(file);
}

/** `policygraph extract FILE`: prints the extraction JSON of a readout file. */
export async function runExtract(args: string[]): Promise<number> {
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.length !== 1 || (args[0].startsWith("-") && args[0] !== "-")) {
    return fail("expected one FILE (usage: policygraph extract FILE; --help for more)");
  }
  const file = args[0];
  let text: string;
  try {
    text = decodeReadout(readBytes(file));
  } catch (error) {
    if (error instanceof ReadoutInputError) return fail(`${file}: ${error.message}`);
    return fail(systemReason(error, file));
  }
  process.stdout.write(`${JSON.stringify(extractReadout(text), null, 2)}\n`);
  return 0;
}
