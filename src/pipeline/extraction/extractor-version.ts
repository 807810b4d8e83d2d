import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot, seedDir } from "../../platform/paths";

/**
 * What the extractor's output depends on, beside the text: its rules (src/pipeline/extraction), the
 * registries and lexicon code it calls, the code that turns an extraction into graph rows (ids,
 * spans, department resolution), and the reference data they read. Paths relative to src/; a
 * folder stands for its modules (tests left out).
 */
export const EXTRACTOR_SOURCES = [
  "pipeline/extraction",
  "pipeline/registry",
  "model/department-kind",
  "model/theme.catalog",
  "platform/text/chinese",
  "pipeline/rows/graph-rows",
  "pipeline/rows/ids",
] as const;

/** Reference data the extractor reads (seed/). */
export const EXTRACTOR_DATA = ["themes.json", "departments.json", "people.json"] as const;

/** The version recorded on documents written from an extraction given with them (the seed's reviewed one), not by this extractor. */
export const GIVEN_EXTRACTION = "given";

/** Named files of a source root, in a fixed order: a folder's modules sorted, or the one module. */
export function sourceFiles(root: string, ext: ".ts" | ".js"): string[] {
  const files: string[] = [];
  for (const entry of EXTRACTOR_SOURCES) {
    const dir = join(root, entry);
    if (existsSync(dir)) {
      const names = readdirSync(dir)
        .filter((n) => n.endsWith(ext) && !n.endsWith(`.test${ext}`) && !n.endsWith(".d.ts"))
        .sort();
      files.push(...names.map((n) => join(dir, n)));
    } else files.push(`${dir}${ext}`);
  }
  return files;
}

/**
 * The version of a set of named texts: the SHA-256 of their names and contents, first 16 hex
 * digits. Names are relative so that the same sources give the same version in any checkout.
 */
export function versionOf(parts: readonly { name: string; text: string }[]): string {
  const hash = createHash("sha256");
  for (const { name, text } of parts) hash.update(`${name}\0${text.length}\0`).update(text, "utf8");
  return hash.digest("hex").slice(0, 16);
}

let version: string | undefined;

/**
 * The extractor's version: changes whenever its rules, lexicon, registries or the row building
 * change. Read from the TypeScript sources (the same from src/ under tests and from dist/, so that
 * the CLI and the server agree); where only the compiled code is shipped, from that. Computed once
 * per process.
 */
export function extractorVersion(): string {
  if (version) return version;
  const src = join(projectRoot, "src");
  // Compiled code sits beside this module: dist/pipeline/extraction/ → dist/.
  const [root, ext] = existsSync(join(src, "pipeline", "extraction"))
    ? [src, ".ts" as const]
    : [join(__dirname, "..", ".."), ".js" as const];
  const parts = sourceFiles(root, ext).map((file) => ({
    name: file.slice(root.length + 1).replace(/\\/g, "/"),
    text: readFileSync(file, "utf8"),
  }));
  for (const name of EXTRACTOR_DATA)
    parts.push({ name: `seed/${name}`, text: readFileSync(join(seedDir, name), "utf8") });
  version = versionOf(parts);
  return version;
}
