import { readFileSync } from "node:fs";
import { join } from "node:path";
import { seedDir } from "../paths";

/** One theme of the shipped taxonomy (seed/themes.json). */
export interface ThemeEntry {
  id: string;
  zh: string;
  en: string;
  /** Parent theme id; undefined for the fixed top-level themes. */
  parent?: string;
  keywords: string[];
}

interface RawTheme {
  id: string;
  zh: string;
  en: string;
  parent?: string;
  keywords?: string[];
  children?: RawTheme[];
}

function flatten(raw: RawTheme[], parent: string | undefined, out: ThemeEntry[]): void {
  for (const t of raw) {
    out.push({ id: t.id, zh: t.zh, en: t.en, parent: t.parent ?? parent, keywords: t.keywords ?? [] });
    if (t.children) flatten(t.children, t.id, out);
  }
}

let cached: ThemeEntry[] | undefined;

/** The theme taxonomy: top-level themes first (in their fixed order), then child themes. */
export function themeCatalog(): readonly ThemeEntry[] {
  if (cached) return cached;
  const file = JSON.parse(readFileSync(join(seedDir, "themes.json"), "utf8")) as {
    themes: RawTheme[];
    children?: RawTheme[];
  };
  const all: ThemeEntry[] = [];
  flatten(file.themes, undefined, all);
  flatten(file.children ?? [], undefined, all);
  const ids = new Set<string>();
  for (const t of all) {
    if (ids.has(t.id)) throw new Error(`seed/themes.json: duplicate theme id "${t.id}"`);
    ids.add(t.id);
  }
  for (const t of all) {
    if (t.parent && !ids.has(t.parent)) throw new Error(`seed/themes.json: theme "${t.id}" has unknown parent`);
  }
  cached = [...all.filter((t) => !t.parent), ...all.filter((t) => t.parent)];
  return cached;
}

/** True when `id` names a theme of the catalog. */
export function isKnownTheme(id: string): boolean {
  return themeCatalog().some((t) => t.id === id);
}
