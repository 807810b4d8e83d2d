import { readFileSync, statSync } from "node:fs";
import { checkReadoutSize, ReadoutInputError } from "../pipeline/extraction/decode";
import { extractFile } from "../pipeline/extraction/extract";
import { formatOfPath, readReadoutBytes, undatedReason } from "../pipeline/extraction/input";
import { READOUT_FLAGS_USAGE, takeReadoutFlags } from "./readout-flags";
import { EXIT } from "./exit";

const USAGE = `usage: policygraph extract FILE [--published YYYY-MM-DD] [--host NAME]

Prints the extraction JSON of one readout: a readout file (front matter, blank line, article body)
or a page saved from the publishing site (.html / .htm, or any input that opens as an HTML
document). For a page it adds "document": {title, url, published, bodyStart, text}, the readout
the page was read as; every span points into that text, and text.slice(bodyStart) is the body a
document stores. FILE "-" reads standard input.
${READOUT_FLAGS_USAGE}
Exit status: 0 done, 2 bad usage, input that is not a readout file or page, or a readout nothing
dates (no published date and no year in its text: give --published).
`;

function fail(reason: string): number {
  process.stderr.write(`policygraph extract: ${reason.replace(/\s*\n\s*/g, " ")}\n`);
  return EXIT.BAD_INPUT;
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

/** `policygraph extract FILE`: prints the extraction JSON of a readout file or saved page. */
export async function runExtract(args: string[]): Promise<number> {
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    process.stdout.write(USAGE);
    return EXIT.OK;
  }
  const flags = takeReadoutFlags(args);
  if (flags.error) return fail(flags.error);
  const { rest } = flags;
  if (rest.length !== 1 || (rest[0].startsWith("-") && rest[0] !== "-")) {
    return fail("expected one FILE (usage: policygraph extract FILE; --help for more)");
  }
  const file = rest[0];
  let bytes: Buffer;
  try {
    bytes = readBytes(file);
  } catch (error) {
    if (error instanceof ReadoutInputError) return fail(`${file}: ${error.message}`);
    return fail(systemReason(error, file));
  }
  let input;
  try {
    input = readReadoutBytes(bytes, {
      format: file === "-" ? undefined : formatOfPath(file),
      defaults: flags.defaults,
    });
  } catch (error) {
    if (error instanceof ReadoutInputError) return fail(`${file}: ${error.message}`);
    throw error;
  }
  const extraction = extractFile(input.file);
  const undated = undatedReason(input, extraction, "--published");
  if (undated) return fail(`${file}: ${undated}`);
  const { frontMatter, text, bodyStart } = input.file;
  const out =
    input.format === "html"
      ? {
          ...extraction,
          document: {
            title: frontMatter.title,
            url: frontMatter.url,
            published: frontMatter.published,
            bodyStart,
            text,
          },
        }
      : extraction;
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return EXIT.OK;
}
