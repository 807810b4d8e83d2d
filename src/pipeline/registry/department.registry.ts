import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { seedDir } from "../../platform/paths";
import { toSimplified } from "../../platform/text/chinese";
import { DepartmentKind, isDepartmentKind } from "../../model/department-kind";

/** A body that reports at meetings, curated in seed/departments.json or made up for a name first seen in a readout. */
export interface DepartmentEntry {
  readonly id: string;
  /** The short form readouts publish (市发展改革委, 石景山区). */
  readonly name: string;
  /** The official full name (北京市发展和改革委员会); the name itself for uncurated entries. */
  readonly fullName: string;
  readonly nameEn: string | null;
  /** Other surface forms that resolve to this entry (frozen for curated entries). */
  readonly aliases: string[];
  readonly kind: DepartmentKind;
  /** False for a body that is not in the curated list. */
  readonly curated: boolean;
  /** The id of the body this one is part of (a district's bureau → the district), if known. */
  readonly parentId: string | null;
  /**
   * Its policy themes as curated in the seed (theme ids); absent for uncurated bodies and curated
   * ones without the key, whose portfolio is read from the name (../department/portfolio).
   */
  readonly assignedThemes?: readonly string[];
}

/** What the caller knows about the meeting a name comes from. */
export interface DepartmentContext {
  /**
   * The locality whose meeting the readout reports (北京市, 怀柔区, 宁波市). A district's readouts call
   * its own bodies 区生态环境局, 区委教育工委 or just 汤河口镇; given the host, they resolve to that
   * district's body (怀柔区生态环境局), so that the bodies of different districts stay different nodes,
   * and another city's 市台办 never resolves to Beijing's.
   */
  host?: string | null;
}

/** The curated list, indexed by normalised surface form. */
export interface DepartmentSeed {
  readonly entries: readonly DepartmentEntry[];
  readonly byKey: ReadonlyMap<string, DepartmentEntry>;
  readonly byId: ReadonlyMap<string, DepartmentEntry>;
}

// Characters that differ between copies of one name without making it another: spaces, zero-width marks, quotes.
const NOISE = /[\s\u200b-\u200d\u2060\ufeff"'`“”‘’「」『』《》〈〉]/gu;
// Punctuation an extractor may leave at either end of a name.
const EDGE = /^[\s，。；：、,.;:!?！？]+|[\s，。；：、,.;:!?！？]+$/gu;

// Titles after a body's name, as in 市发展改革委党组书记 or 汤河口镇主要负责同志.
const ROLE_SUFFIX = /(主要负责同志|主要负责人|负责同志|负责人|书记)$/u;
// The body's party organ; stripped only when a body name remains, so 市直机关工委 and 市委教育工委 stay whole.
const PARTY_SUFFIX = /(党组[（(]党委[）)]|党组|党工委|党委|工委)$/u;
const BODY_END = /(区|街道|镇|乡|局|委|办|厅|部|委员会|管委会|办公室|集团|公司|中心|总队)$/u;
// A district's party committee or government stands for the district itself (石景山区委 → 石景山区).
const DISTRICT_ORGAN = /^(.+区)(委|人民政府|政府)$/u;
// Municipal bodies are published with or without 北京市/市 (市发改委, 北京市发改委, 发改委) and party bodies with 中共.
const PARTY_PREFIX = /^中共/u;
const CITY_PREFIX = /^(北京市|北京|市)/u;

const STREET_END = /街道$/u;
const TOWN_END = /(镇|乡)$/u;
const COUNTY_END = /.县$/u;
// Another city by name (宁波市, 吴川市): two or more characters before 市, not Beijing's own prefix.
const CITY_END = /^(?!北京)[\u4e00-\u9fff]{2,6}市$/u;
const COUNTY_BODY = /县.+(局|委|办|委员会|办公室|部)$/u;
const ENTERPRISE_END = /(集团|公司)$/u;
const MUNICIPAL_BODY = /^(中共)?(北京市|北京|市)[^区]*(委|局|办|委员会|办公室|厅|部|总队)$/u;
const DISTRICT_END = /.区$/u;
const DISTRICT_BODY = /区.+(局|委|办|委员会|办公室|部)$/u;

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const UNCURATED_PREFIX = "dept-";

function stripSuffixes(name: string): string {
  let s = name;
  for (;;) {
    const role = ROLE_SUFFIX.exec(s);
    if (role && role.index > 0) {
      s = s.slice(0, role.index);
      continue;
    }
    const party = PARTY_SUFFIX.exec(s);
    if (party && BODY_END.test(s.slice(0, party.index))) {
      s = s.slice(0, party.index);
      continue;
    }
    const organ = DISTRICT_ORGAN.exec(s);
    if (organ) {
      s = organ[1];
      continue;
    }
    return s;
  }
}

function stripPrefixes(name: string): string {
  const s = name.replace(PARTY_PREFIX, "");
  const rest = s.replace(CITY_PREFIX, "");
  return rest || s || name;
}

/** The matching key of a department name: script, spacing, quotes, the 北京市/市 prefix and titles do not matter. */
export function normaliseDepartmentName(surface: string): string {
  const cleaned = toSimplified(surface.normalize("NFKC")).replace(NOISE, "").replace(EDGE, "").toLowerCase();
  return stripPrefixes(stripSuffixes(cleaned));
}

// The name as published, without surrounding punctuation and trailing titles, in its own script.
// toSimplified keeps lengths, so the cut found in the simplified copy is the cut in the original.
function publishedName(surface: string): string {
  const trimmed = surface.replace(EDGE, "");
  return trimmed.slice(0, stripSuffixes(toSimplified(trimmed)).length);
}

/** The kind a body's name suggests (…区 district, 区…局 district department, …镇 street, …集团 enterprise …). */
export function guessDepartmentKind(name: string): DepartmentKind {
  const s = toSimplified(name.normalize("NFKC")).replace(NOISE, "").replace(EDGE, "");
  if (STREET_END.test(s)) return DepartmentKind.STREET;
  if (TOWN_END.test(s)) return DepartmentKind.TOWN;
  if (ENTERPRISE_END.test(s)) return DepartmentKind.ENTERPRISE;
  if (MUNICIPAL_BODY.test(s)) return DepartmentKind.MUNICIPAL_DEPARTMENT;
  if (DISTRICT_END.test(s)) return DepartmentKind.DISTRICT;
  if (COUNTY_END.test(s)) return DepartmentKind.COUNTY;
  if (CITY_END.test(s)) return DepartmentKind.CITY;
  if (DISTRICT_BODY.test(s) || COUNTY_BODY.test(s)) return DepartmentKind.DISTRICT_DEPARTMENT;
  return DepartmentKind.OTHER;
}

function fail(source: string, message: string): never {
  throw new Error(`${source}: ${message}`);
}

function text(value: unknown, source: string, what: string): string {
  if (typeof value !== "string" || !value.trim()) fail(source, `${what} must be a non-empty string`);
  return value;
}

function parseEntry(raw: unknown, index: number, source: string): DepartmentEntry {
  if (typeof raw !== "object" || raw === null) fail(source, `departments[${index}] must be an object`);
  const r = raw as Record<string, unknown>;
  const where = `departments[${index}]${typeof r.id === "string" ? ` (${r.id})` : ""}`;
  const id = text(r.id, source, `${where}.id`);
  if (!ID_PATTERN.test(id)) fail(source, `${where}.id must be a lowercase ASCII slug`);
  if (id.startsWith(UNCURATED_PREFIX))
    fail(source, `${where}.id must not start with "${UNCURATED_PREFIX}" (uncurated ids)`);
  const nameEn = r.nameEn == null ? null : text(r.nameEn, source, `${where}.nameEn`);
  if (!Array.isArray(r.aliases)) fail(source, `${where}.aliases must be an array`);
  if (!isDepartmentKind(r.kind)) fail(source, `${where}.kind "${String(r.kind)}" is not a department kind`);
  const aliases: string[] = r.aliases.map((a, i) => text(a, source, `${where}.aliases[${i}]`));
  Object.freeze(aliases);
  const parentId = r.parent == null ? null : text(r.parent, source, `${where}.parent`);
  if (r.assignedThemes !== undefined && !Array.isArray(r.assignedThemes))
    fail(source, `${where}.assignedThemes must be an array of theme ids`);
  const assignedThemes = Array.isArray(r.assignedThemes)
    ? r.assignedThemes.map((t, i) => text(t, source, `${where}.assignedThemes[${i}]`))
    : undefined;
  return Object.freeze({
    id,
    name: text(r.name, source, `${where}.name`),
    fullName: text(r.fullName, source, `${where}.fullName`),
    nameEn,
    aliases,
    kind: r.kind,
    curated: true,
    parentId,
    ...(assignedThemes ? { assignedThemes: Object.freeze(assignedThemes) } : {}),
  });
}

/** Checks and indexes the content of seed/departments.json; throws on duplicate ids or a surface form two entries claim. */
export function parseDepartmentSeed(raw: unknown, source = "departments.json"): DepartmentSeed {
  const list = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>).departments : undefined;
  if (!Array.isArray(list)) fail(source, `expected an object with a "departments" array`);
  const entries = list.map((item, i) => parseEntry(item, i, source));
  const ids = new Set<string>();
  const byKey = new Map<string, DepartmentEntry>();
  for (const entry of entries) {
    if (ids.has(entry.id)) fail(source, `duplicate department id "${entry.id}"`);
    ids.add(entry.id);
  }
  for (const entry of entries) {
    if (entry.parentId !== null && (!ids.has(entry.parentId) || entry.parentId === entry.id)) {
      fail(source, `"${entry.id}".parent "${entry.parentId}" is not another department's id`);
    }
    const surfaces = [entry.name, entry.fullName, ...entry.aliases];
    if (entry.nameEn) surfaces.push(entry.nameEn);
    for (const surface of surfaces) {
      const key = normaliseDepartmentName(surface);
      const owner = byKey.get(key);
      if (owner && owner !== entry) {
        fail(source, `"${surface}" of "${entry.id}" normalises to "${key}", which "${owner.id}" already claims`);
      }
      byKey.set(key, entry);
    }
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  return { entries: Object.freeze(entries), byKey, byId };
}

// Static reference data: read once per process.
let seed: DepartmentSeed | undefined;

function curated(): DepartmentSeed {
  if (!seed) {
    const file = join(seedDir, "departments.json");
    seed = parseDepartmentSeed(JSON.parse(readFileSync(file, "utf8")) as unknown, file);
  }
  return seed;
}

/** The curated departments, in file order. */
export function curatedDepartments(): readonly DepartmentEntry[] {
  return curated().entries;
}

/** The id of Beijing Municipality, the host of the 市委's meetings and the parent of its districts and departments. */
export const BEIJING_ID = "beijing";

/** The curated entry with this id, if any. */
export function curatedDepartmentById(id: string): DepartmentEntry | undefined {
  return curated().byId.get(id);
}

function uncurated(name: string, fullName: string, key: string, parentId: string | null): DepartmentEntry {
  const kind = guessDepartmentKind(name);
  return {
    id: UNCURATED_PREFIX + createHash("sha256").update(key, "utf8").digest("hex").slice(0, 10),
    name,
    fullName,
    nameEn: null,
    aliases: [],
    kind: kind === DepartmentKind.OTHER ? guessDepartmentKind(fullName) : kind,
    curated: false,
    parentId,
  };
}

function keyOf(surface: string): string {
  const key = normaliseDepartmentName(surface);
  if (!key) throw new RangeError(`not a department name: "${surface}"`);
  return key;
}

/** The body hosting a meeting: 北京市 → beijing, 通州区 → the curated district, 宁波市 → an uncurated city. */
export function resolveHost(name: string): DepartmentEntry {
  const key = keyOf(name);
  const name0 = publishedName(name.replace(NOISE, ""));
  return curated().byKey.get(key) ?? uncurated(name0, name0, key, null);
}

const LOCALITY_KINDS: ReadonlySet<DepartmentKind> = new Set([
  DepartmentKind.CITY,
  DepartmentKind.COUNTY,
  DepartmentKind.DISTRICT,
]);

// The locality whose own bodies a meeting's subjects are: any host but Beijing (whose curated
// bodies resolve by name) that is a city, county or district.
function scopeOf(context: DepartmentContext): DepartmentEntry | null {
  if (!context.host?.replace(EDGE, "")) return null;
  const host = resolveHost(context.host);
  return host.id !== BEIJING_ID && LOCALITY_KINDS.has(host.kind) ? host : null;
}

// The curated Beijing district a name starts with (石景山区民政局 → 石景山区), for its parent.
function districtPrefixOf(simplified: string): DepartmentEntry | undefined {
  return curated().entries.find(
    (e) => e.kind === DepartmentKind.DISTRICT && simplified.length > e.name.length && simplified.startsWith(e.name),
  );
}

// A name resolved on its own: the curated entry, else an uncurated one whose parent its name (or a
// Beijing meeting) gives.
function resolveByName(surface: string, context: DepartmentContext): DepartmentEntry {
  const key = keyOf(surface);
  const known = curated().byKey.get(key);
  if (known) return known;
  const name = publishedName(surface);
  const entry = uncurated(name, name, key, null);
  const district = districtPrefixOf(toSimplified(name));
  const atBeijing = context.host ? resolveHost(context.host).id === BEIJING_ID : false;
  const parentId =
    district?.id ?? (atBeijing && entry.kind === DepartmentKind.MUNICIPAL_DEPARTMENT ? BEIJING_ID : null);
  return { ...entry, parentId };
}

// Names at a locality's meeting that still say whose they are: Beijing's own (市…, 北京…) at a Beijing
// district's meeting, and any name that starts with a curated Beijing district's.
function namesItsOwnLocality(simplified: string, host: DepartmentEntry): boolean {
  if (simplified.startsWith("北京")) return true;
  const beijingDistrict = host.curated && host.parentId === BEIJING_ID;
  if (beijingDistrict && simplified.startsWith("市")) return true;
  return districtPrefixOf(simplified) !== undefined && !simplified.startsWith(host.name);
}

/**
 * A body of the host locality: 区科委 at 通州区's meeting is 通州区科委 (named in full, the written
 * form an alias), 市台办 at 宁波市's is 宁波市台办, and a bare 汤河口镇 at 怀柔区's is 怀柔区's town
 * of that name. Its id derives from host and name, so the same body at two of its host's meetings
 * is one node and the same short name in two districts is two.
 */
function resolveScoped(surface: string, host: DepartmentEntry): DepartmentEntry {
  const written = publishedName(surface);
  const simplified = toSimplified(written);
  const level = host.name[host.name.length - 1];
  const qualifiedByLevel = !simplified.startsWith(host.name) && simplified[0] === level;
  const qualified = simplified.startsWith(host.name)
    ? written
    : qualifiedByLevel
      ? host.name + written.slice(1)
      : host.name + written;
  const key = keyOf(qualified);
  const known = curated().byKey.get(key);
  if (known) return known;
  const name = qualifiedByLevel || simplified.startsWith(host.name) ? qualified : written;
  const entry = uncurated(name, qualified, key, host.id);
  const kind = guessDepartmentKind(written);
  return {
    ...entry,
    kind: kind === DepartmentKind.OTHER ? entry.kind : kind,
    aliases: written !== name ? [written] : [],
  };
}

/** The curated entry a surface form names, if any. */
export function findCuratedDepartment(surface: string, context: DepartmentContext = {}): DepartmentEntry | undefined {
  if (!normaliseDepartmentName(surface)) return undefined;
  const entry = resolveDepartment(surface, context);
  return entry.curated ? entry : undefined;
}

/**
 * The department a surface form names: the curated entry when there is one, otherwise a new uncurated
 * entry whose id is derived from the normalised name (so every script and spelling of it gets the
 * same id). At a meeting hosted by a district, county or city other than Beijing, names are that
 * host's bodies (see resolveScoped).
 */
export function resolveDepartment(surface: string, context: DepartmentContext = {}): DepartmentEntry {
  keyOf(surface);
  const host = scopeOf(context);
  if (host && !namesItsOwnLocality(toSimplified(publishedName(surface)), host)) return resolveScoped(surface, host);
  return resolveByName(surface, context);
}

function trimPart(part: string): string {
  return part.replace(EDGE, "");
}

// A subject splits only where every part is a body on its own. 和 is also part of names (市文化和旅游局,
// 和平里街道), so a split on 和 needs every piece to be curated; a split on 、 accepts name-like parts.
function splitSubject(subject: string, context: DepartmentContext): string[] | undefined {
  const isCurated = (part: string) => findCuratedDepartment(part, context) !== undefined;
  const parts = subject.split("、").map(trimPart);
  if (parts.some((p) => !normaliseDepartmentName(p))) return undefined;
  const out: string[] = [];
  for (const part of parts) {
    if (isCurated(part)) {
      out.push(part);
      continue;
    }
    const pieces = part.split("和").map(trimPart);
    if (pieces.length > 1 && pieces.every((p) => p && isCurated(p))) {
      out.push(...pieces);
      continue;
    }
    if (parts.length > 1 && guessDepartmentKind(resolveDepartment(part, context).name) !== DepartmentKind.OTHER) {
      out.push(part);
      continue;
    }
    return undefined;
  }
  return out.length > 1 ? out : undefined;
}

/**
 * The departments a report subject names: usually one, several when bodies are commented on together
 * (市科委、中关村管委会), each once, in the order named.
 */
export function resolveSubject(subject: string, context: DepartmentContext = {}): DepartmentEntry[] {
  const trimmed = trimPart(subject);
  const whole = findCuratedDepartment(trimmed, context);
  if (whole) return [whole];
  const parts = splitSubject(trimmed, context);
  if (!parts) return [resolveDepartment(trimmed, context)];
  const byId = new Map<string, DepartmentEntry>();
  for (const part of parts) {
    const entry = resolveDepartment(part, context);
    if (!byId.has(entry.id)) byId.set(entry.id, entry);
  }
  return [...byId.values()];
}

/**
 * The bodies a department is part of, nearest first (通州区科委 → 通州区 → 北京市): curated parents
 * by id, the meeting's host for the bodies scoped to it.
 */
export function ancestorsOf(entry: DepartmentEntry, context: DepartmentContext = {}): DepartmentEntry[] {
  const host = context.host?.replace(EDGE, "") ? resolveHost(context.host) : null;
  const out: DepartmentEntry[] = [];
  let parentId = entry.parentId;
  while (parentId !== null && !out.some((e) => e.id === parentId) && parentId !== entry.id) {
    const parent = curatedDepartmentById(parentId) ?? (host?.id === parentId ? host : undefined);
    if (!parent) break;
    out.push(parent);
    parentId = parent.parentId;
  }
  return out;
}
