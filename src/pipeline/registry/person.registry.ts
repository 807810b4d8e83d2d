import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { seedDir } from "../../platform/paths";
import { toSimplified } from "../../platform/text/chinese";

/** A person who chairs or attends meetings, curated in seed/people.json or made up for a name first seen in a readout. */
export interface PersonEntry {
  readonly id: string;
  /** The Chinese name without titles (蔡奇). */
  readonly name: string;
  /** The name in pinyin (Cai Qi), where known. */
  readonly nameEn: string | null;
  /** False for a person who is not in the curated list. */
  readonly curated: boolean;
  /** The locality whose leader the person is or was (北京市, 怀柔区), where curated: a readout's host when nothing else tells. */
  readonly seat?: string;
}

/** The curated list, indexed by normalised name. */
export interface PersonSeed {
  readonly entries: readonly PersonEntry[];
  readonly byKey: ReadonlyMap<string, PersonEntry>;
}

// Characters that differ between copies of one name without making it another: spaces, zero-width marks, quotes.
const NOISE = /[\s\u200b-\u200d\u2060\ufeff"'`“”‘’「」『』]/gu;
const EDGE = /^[\s，。；：、,.;:!?！？]+|[\s，。；：、,.;:!?！？]+$/gu;
// Readouts write "蔡奇同志" as often as "蔡奇".
const HONORIFIC = /同志$/u;

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const UNCURATED_PREFIX = "person-";

/** The matching key of a person's name: script, spacing, letter case and a trailing 同志 do not matter. */
export function normalisePersonName(name: string): string {
  const cleaned = toSimplified(name.normalize("NFKC")).replace(NOISE, "").replace(EDGE, "").toLowerCase();
  return cleaned.replace(HONORIFIC, "") || cleaned;
}

// The name as published, in its own script, without surrounding punctuation or a trailing 同志.
function publishedName(name: string): string {
  const trimmed = name.replace(EDGE, "");
  const simplified = toSimplified(trimmed);
  const bare = simplified.replace(HONORIFIC, "");
  return bare ? trimmed.slice(0, bare.length) : trimmed;
}

function fail(source: string, message: string): never {
  throw new Error(`${source}: ${message}`);
}

function text(value: unknown, source: string, what: string): string {
  if (typeof value !== "string" || !value.trim()) fail(source, `${what} must be a non-empty string`);
  return value;
}

/** Checks and indexes the content of seed/people.json; throws on duplicate ids or a name two people claim. */
export function parsePeopleSeed(raw: unknown, source = "people.json"): PersonSeed {
  const list = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>).people : undefined;
  if (!Array.isArray(list)) fail(source, `expected an object with a "people" array`);
  const ids = new Set<string>();
  const byKey = new Map<string, PersonEntry>();
  const entries = list.map((item: unknown, index): PersonEntry => {
    if (typeof item !== "object" || item === null) fail(source, `people[${index}] must be an object`);
    const r = item as Record<string, unknown>;
    const where = `people[${index}]${typeof r.id === "string" ? ` (${r.id})` : ""}`;
    const id = text(r.id, source, `${where}.id`);
    if (!ID_PATTERN.test(id)) fail(source, `${where}.id must be a lowercase ASCII pinyin slug`);
    if (id.startsWith(UNCURATED_PREFIX)) fail(source, `${where}.id must not start with "${UNCURATED_PREFIX}"`);
    if (ids.has(id)) fail(source, `duplicate person id "${id}" (suffix a number for people who share a pinyin)`);
    ids.add(id);
    const nameEn = r.nameEn == null ? null : text(r.nameEn, source, `${where}.nameEn`);
    const aliases = r.aliases ?? [];
    if (!Array.isArray(aliases)) fail(source, `${where}.aliases must be an array`);
    const seat = r.seat == null ? undefined : text(r.seat, source, `${where}.seat`);
    const entry: PersonEntry = Object.freeze({
      id,
      name: text(r.name, source, `${where}.name`),
      nameEn,
      curated: true,
      ...(seat ? { seat } : {}),
    });
    const surfaces = [entry.name, ...aliases.map((a, i) => text(a, source, `${where}.aliases[${i}]`))];
    if (entry.nameEn) surfaces.push(entry.nameEn);
    for (const surface of surfaces) {
      const key = normalisePersonName(surface);
      const owner = byKey.get(key);
      if (owner && owner !== entry) fail(source, `"${surface}" of "${id}" is already the name of "${owner.id}"`);
      byKey.set(key, entry);
    }
    return entry;
  });
  return { entries: Object.freeze(entries), byKey };
}

// Static reference data: read once per process.
let seed: PersonSeed | undefined;

function curated(): PersonSeed {
  if (!seed) {
    const file = join(seedDir, "people.json");
    seed = parsePeopleSeed(JSON.parse(readFileSync(file, "utf8")) as unknown, file);
  }
  return seed;
}

/** The curated people, in file order. */
export function curatedPeople(): readonly PersonEntry[] {
  return curated().entries;
}

/** The curated person a name denotes, if any. */
export function findCuratedPerson(name: string): PersonEntry | undefined {
  return curated().byKey.get(normalisePersonName(name));
}

/**
 * The person a name denotes: the curated entry when there is one, otherwise a new uncurated entry whose
 * id is derived from the simplified name (so both scripts of a name get the same id).
 */
export function resolvePerson(name: string): PersonEntry {
  const key = normalisePersonName(name);
  if (!key) throw new RangeError(`not a person's name: "${name}"`);
  const known = curated().byKey.get(key);
  if (known) return known;
  return {
    id: UNCURATED_PREFIX + createHash("sha256").update(key, "utf8").digest("hex").slice(0, 10),
    name: publishedName(name),
    nameEn: null,
    curated: false,
  };
}
