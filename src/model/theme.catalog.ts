import { readFileSync } from "node:fs";
import { join } from "node:path";
import { badInput } from "../platform/errors";
import { seedDir } from "../platform/paths";

/**
 * The theme scheme and tagging lexicon shipped in seed/themes.json: the fixed top-level themes,
 * their child themes, keywords, rules and meeting contexts. Static reference data, read once.
 */

/** A theme of the lexicon: a fixed top-level theme, or a child naming its top-level parent. */
export interface ThemeEntry {
  id: string;
  zh: string;
  en: string;
  parent?: string;
  keywords: string[];
}

/** A tagging rule beyond single keywords: one word of every `all` group, none of `none`. */
export interface ThemeRule {
  theme: string;
  all: string[][];
  none?: string[];
  /** What the rule stands for, as recorded in themeReasons ("rule:<reason>"). */
  reason: string;
  /** Score of the rule against keyword lengths; defaults to 4 (a four-character keyword). */
  weight?: number;
  /** Fires only where no keyword or other rule gives a theme (generic words such as 整治). */
  fallback?: boolean;
}

/** A theme every item of a kind of meeting gets, after its own ("state-assets" at a meeting of SOEs). */
export interface ThemeContext {
  meetingKind: string;
  theme: string;
  reason: string;
}

export interface ThemeLexicon {
  themes: ThemeEntry[];
  children: ThemeEntry[];
  rules: ThemeRule[];
  contexts: ThemeContext[];
}

function strings(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v.length > 0)) {
    throw new Error(`theme lexicon: ${where} must be a list of non-empty strings`);
  }
  return value as string[];
}

function entry(value: unknown, where: string): ThemeEntry {
  const v = value as Partial<ThemeEntry> | null;
  if (!v || typeof v.id !== "string" || !v.id) throw new Error(`theme lexicon: ${where} has no id`);
  return {
    id: v.id,
    zh: String(v.zh ?? ""),
    en: String(v.en ?? ""),
    parent: typeof v.parent === "string" ? v.parent : undefined,
    keywords: strings(v.keywords ?? [], `keywords of ${v.id}`),
  };
}

function rule(value: unknown, ids: Set<string>): ThemeRule {
  const v = value as Partial<ThemeRule> | null;
  if (!v || typeof v.theme !== "string" || !ids.has(v.theme))
    throw new Error("theme lexicon: a rule names no known theme");
  if (!Array.isArray(v.all) || v.all.length === 0) throw new Error(`theme lexicon: a rule for ${v.theme} has no "all"`);
  return {
    theme: v.theme,
    all: v.all.map((group, i) => strings(group, `group ${i} of a rule for ${v.theme}`)),
    none: v.none === undefined ? undefined : strings(v.none, `"none" of a rule for ${v.theme}`),
    reason: typeof v.reason === "string" && v.reason ? v.reason : v.all.map((g) => g[0]).join("+"),
    weight: typeof v.weight === "number" ? v.weight : undefined,
    fallback: v.fallback === true ? true : undefined,
  };
}

function context(value: unknown, ids: Set<string>): ThemeContext {
  const v = value as Partial<ThemeContext> | null;
  if (!v || typeof v.theme !== "string" || !ids.has(v.theme) || typeof v.meetingKind !== "string") {
    throw new Error("theme lexicon: a context needs a meetingKind and a known theme");
  }
  return {
    meetingKind: v.meetingKind,
    theme: v.theme,
    reason: typeof v.reason === "string" && v.reason ? v.reason : `${v.meetingKind} meeting`,
  };
}

/** Validates a parsed themes.json: top-level themes, children (each under a top-level id), rules, contexts. */
export function parseThemeLexicon(json: unknown): ThemeLexicon {
  const doc = json as { themes?: unknown; children?: unknown; rules?: unknown; contexts?: unknown } | null;
  if (!doc || !Array.isArray(doc.themes)) throw new Error('theme lexicon: no "themes" list');
  const themes = doc.themes.map((t, i) => entry(t, `theme ${i}`));
  const top = new Set(themes.map((t) => t.id));
  const children = (Array.isArray(doc.children) ? doc.children : []).map((c, i) => entry(c, `child ${i}`));
  const ids = new Set(top);
  for (const child of children) {
    if (!child.parent || !top.has(child.parent))
      throw new Error(`theme lexicon: child ${child.id} has no top-level parent`);
    if (ids.has(child.id)) throw new Error(`theme lexicon: duplicate id ${child.id}`);
    ids.add(child.id);
  }
  if (top.size !== themes.length) throw new Error("theme lexicon: duplicate top-level id");
  const rules = (Array.isArray(doc.rules) ? doc.rules : []).map((r) => rule(r, ids));
  const contexts = (Array.isArray(doc.contexts) ? doc.contexts : []).map((c) => context(c, ids));
  return { themes, children, rules, contexts };
}

let shipped: ThemeLexicon | null = null;

/** The lexicon shipped in seed/themes.json (read once). */
export function shippedThemeLexicon(): ThemeLexicon {
  shipped ??= parseThemeLexicon(JSON.parse(readFileSync(join(seedDir, "themes.json"), "utf8")));
  return shipped;
}

/** The whole scheme: top-level themes first (in their fixed order), then child themes. */
export function themeCatalog(): readonly ThemeEntry[] {
  const { themes, children } = shippedThemeLexicon();
  return [...themes, ...children];
}

/** The ids of the fixed top-level themes, in their order. */
export function topThemeIds(): string[] {
  return shippedThemeLexicon().themes.map((t) => t.id);
}

/** True when `id` names a theme of the scheme. */
export function isKnownTheme(id: string): boolean {
  return themeCatalog().some((t) => t.id === id);
}

/**
 * Refuses a theme filter that names no theme: a misspelt id would otherwise read as "nothing
 * flagged", which an analyst takes for a finding.
 */
export function checkThemeFilter(id: string | null | undefined): void {
  if (id != null && !isKnownTheme(id)) throw badInput(`no theme has the id "${id}" (the query themes lists them)`);
}
