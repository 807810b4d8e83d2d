#!/usr/bin/env node
// Folder-level import cycles: madge finds cycles between files; this finds them between the
// folders that make up the layers (src/<layer>/<folder>, or src/<layer> for a layer without
// sub-folders), where two files each fine on their own can still tie two folders together.
// Exit 1 naming each cycle and the imports that close it.
import madge from "madge";

const root = process.argv[2] ?? "src";
const tsConfig = process.argv[3] ?? "tsconfig.json";

/** The folder a source file belongs to, e.g. api/department or server. */
function folderOf(file) {
  const parts = file.split("/");
  if (parts.length <= 2) return parts[0];
  return `${parts[0]}/${parts[1]}`;
}

const graph = (await madge(root, { fileExtensions: ["ts"], tsConfig, excludeRegExp: [/\.test\.ts$/] })).obj();
const edges = new Map(); // folder → folder → [file → file]
for (const [file, deps] of Object.entries(graph)) {
  for (const dep of deps) {
    const a = folderOf(file);
    const b = folderOf(dep);
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Map());
    if (!edges.get(a).has(b)) edges.get(a).set(b, []);
    edges.get(a).get(b).push(`${file} → ${dep}`);
  }
}

// Tarjan's strongly connected components: every component of more than one folder is a cycle.
let index = 0;
const stack = [];
const on = new Set();
const idx = new Map();
const low = new Map();
const components = [];
function visit(v) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const c = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      c.push(w);
    } while (w !== v);
    if (c.length > 1) components.push(c.sort());
  }
}
const folders = new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
for (const f of [...folders].sort()) if (!idx.has(f)) visit(f);

if (components.length === 0) {
  console.log(`check-folders: no cycles between the ${folders.size} folders of ${root}/`);
  process.exit(0);
}
for (const c of components) {
  console.error(`check-folders: folders import each other: ${c.join(", ")}`);
  for (const a of c)
    for (const b of c) for (const e of edges.get(a)?.get(b) ?? []) if (a !== b) console.error(`  ${e}`);
}
process.exit(1);
