import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

// Compiled code runs from dist/, tests from src/: both find the project by its package.json.
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The project folder (where package.json, seed/ and schema/ live). */
export const projectRoot = findRoot(__dirname);

/** The seed folder shipped with the project: reference data and the founding readout. */
export const seedDir = join(projectRoot, "seed");
