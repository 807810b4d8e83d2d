import {
  ancestorsOf,
  DepartmentContext,
  DepartmentEntry,
  resolveDepartment,
  resolveHost,
  resolveSubject,
} from "../registry/department.registry";
import { portfolioOf } from "../registry/portfolio";
import { badInput } from "../../platform/errors";
import { unclassifiedWarning } from "../extraction/extract";
import { ExtractedItem, Extraction, MEETING_KINDS, Span } from "../extraction/extraction.types";
import { resolvePerson } from "../registry/person.registry";
import { toSimplified } from "../../platform/text/chinese";
import { isKnownTheme } from "../../model/theme.catalog";
import * as ids from "./ids";

/** A readout as the graph keeps it: metadata and the body text that offsets point into. */
export interface ReadoutDocument {
  title: string;
  url: string;
  published: string;
  /** The article body; every span of the extraction is an offset into this text. */
  text: string;
  /** The host its front matter (or the caller) gave, "" when none: kept so that it can be extracted again. */
  host?: string;
  /** The publishing site's own name, where its page gave one. */
  site?: string;
}

export interface ThemeTagRow {
  id: string;
  rank: number;
  reason: string;
}

export interface ItemRow {
  id: string;
  /** The report (achievements, shortcomings) or meeting (directives) the item belongs to. */
  parentId: string;
  seq: number;
  text: string;
  /** The simplified-script copy the search index reads; null when it equals `text`. */
  searchText: string | null;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  date: string;
  themes: ThemeTagRow[];
  /** No keyword, rule, context or portfolio gave the item a theme. */
  unclassified: boolean;
}

export interface DirectiveRow extends ItemRow {
  addresseeIds: string[];
}

export interface DepartmentRow {
  id: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  aliases: string[];
  kind: string;
  curated: boolean;
  /** Its portfolio (theme ids): curated, else read from its name. */
  assignedThemes: string[];
  searchText: string;
  /** The body it is part of (PART_OF), or null. */
  parentId: string | null;
}

export interface PersonRow {
  id: string;
  name: string;
  nameEn: string | null;
  curated: boolean;
  order: number;
}

/** Everything one readout puts into the graph, as parameter rows for the writer's statements. */
export interface GraphRows {
  document: {
    id: string;
    sha256: string;
    title: string;
    url: string;
    published: string;
    text: string;
    /** What re-extraction needs besides the stored fields: the host and site the readout came with. */
    givenHost: string;
    site: string | null;
    /** The extractor version that read it (extractorVersion()), or GIVEN_EXTRACTION. */
    extractorVersion: string;
    /**
     * What the extractor warned of as it read it (`Document.extractionWarnings`, the review queue),
     * less the count of unclassified items: each of those is flagged on the item itself.
     */
    warnings: string[];
  };
  meeting: { id: string; date: string; kind: string; title: string; hostId: string | null };
  chairs: PersonRow[];
  attendees: PersonRow[];
  departments: DepartmentRow[];
  reports: { id: string; order: number; subject: string; departmentIds: string[] }[];
  achievements: ItemRow[];
  shortcomings: ItemRow[];
  directives: DirectiveRow[];
}

const SENTENCE_END = /[。！？!?\n]/;

/** The sentence around [start, end): from after the previous sentence end to its own end mark. */
export function sentenceAround(text: string, start: number, end: number): Span {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1])) s--;
  while (s < start && /\s/.test(text[s])) s++;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e])) e++;
  if (e < text.length && text[e] !== "\n") e++;
  return [s, e];
}

// Top-level themes first (most fitting first), then their narrower child themes.
function themeRows(item: ExtractedItem, where: string): ThemeTagRow[] {
  const ids = [...new Set([...(item.themes ?? []), ...(item.subthemes ?? [])])];
  for (const id of ids) if (!isKnownTheme(id)) throw badInput(`${where}: unknown theme id "${id}"`);
  return ids.map((id, rank) => ({ id, rank, reason: item.themeReasons?.[id] ?? "given" }));
}

// Most readouts are in simplified script already: sending the same text twice would double the
// largest part of a document's write.
function simplifiedOrNull(text: string): string | null {
  const simplified = toSimplified(text);
  return simplified === text ? null : simplified;
}

function itemRow(
  body: string,
  item: ExtractedItem,
  id: string,
  parentId: string,
  seq: number,
  date: string,
  where: string,
): ItemRow {
  const [start, end] = item.span ?? [];
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > body.length || start >= end) {
    throw badInput(`${where}: span ${JSON.stringify(item.span)} is outside the text`);
  }
  if (body.slice(start, end) !== item.text) {
    throw badInput(`${where}: span [${start}, ${end}] does not hold its text «${item.text.slice(0, 30)}»`);
  }
  const themes = themeRows(item, where);
  // An item is unclassified when it has no theme: the flag cannot hide a tag, nor a missing flag a gap.
  if (item.unclassified && themes.length) throw badInput(`${where}: marked unclassified but has themes`);
  const [sentenceStart, sentenceEnd] =
    item.sentence && item.sentence[0] <= start && item.sentence[1] >= end
      ? item.sentence
      : sentenceAround(body, start, end);
  return {
    id,
    parentId,
    seq,
    text: item.text,
    searchText: simplifiedOrNull(item.text),
    start,
    end,
    sentenceStart,
    sentenceEnd,
    date,
    themes,
    unclassified: themes.length === 0,
  };
}

function hostEntry(host: string): DepartmentEntry {
  if (host.length > 40) throw badInput(`meeting host "${host.slice(0, 40)}…" is longer than 40 characters`);
  try {
    return resolveHost(host);
  } catch {
    throw badInput(`meeting host "${host}" is not the name of a locality`);
  }
}

/** The warnings of an extraction a document keeps: all but the count of unclassified items. */
export function documentWarnings(extraction: Extraction): string[] {
  const unclassified = unclassifiedWarning(extraction.reports, extraction.directives);
  return (extraction.warnings ?? []).filter((w) => w !== unclassified);
}

/**
 * Turns one extraction (spans relative to `doc.text`) into the rows the writer stores, resolving
 * departments and people to their stable ids. Throws BAD_USER_INPUT when the extraction does not
 * fit its text, so nothing of a bad document reaches the graph.
 */
export function buildGraphRows(doc: ReadoutDocument, extraction: Extraction, extractorVersion: string): GraphRows {
  const { meeting } = extraction;
  if (!meeting?.date || !/^\d{4}-\d{2}-\d{2}$/.test(meeting.date)) {
    throw badInput("the meeting date could not be determined from the readout");
  }
  if (!MEETING_KINDS.includes(meeting.kind)) throw badInput(`unknown meeting kind "${meeting.kind}"`);
  const sha = ids.sha256(doc.text);
  const mid = ids.meetingId(meeting.date, meeting.kind, sha);
  const date = meeting.date;
  const context: DepartmentContext = { host: meeting.host ?? null };
  const departments = new Map<string, DepartmentRow>();
  // A body comes with the bodies it is part of, so that its PART_OF chain is in the graph too.
  const addDepartment = (entry: DepartmentEntry): string => {
    if (departments.has(entry.id)) return entry.id;
    for (const parent of ancestorsOf(entry, context)) addDepartment(parent);
    departments.set(entry.id, {
      id: entry.id,
      name: entry.name,
      fullName: entry.fullName,
      nameEn: entry.nameEn ?? null,
      aliases: entry.aliases,
      kind: entry.kind,
      curated: entry.curated,
      assignedThemes: [...portfolioOf(entry)],
      searchText: toSimplified([entry.name, entry.fullName, ...entry.aliases].join(" ")),
      parentId: entry.parentId,
    });
    return entry.id;
  };
  const hostId = meeting.host?.trim() ? addDepartment(hostEntry(meeting.host)) : null;
  const person = (name: string, order: number): PersonRow => {
    const p = resolvePerson(name);
    return { id: p.id, name: p.name, nameEn: p.nameEn ?? null, curated: p.curated, order };
  };

  const rows: GraphRows = {
    document: {
      id: ids.documentId(sha),
      sha256: sha,
      title: doc.title,
      url: doc.url,
      published: doc.published,
      text: doc.text,
      givenHost: doc.host ?? "",
      site: doc.site ?? null,
      extractorVersion,
      warnings: documentWarnings(extraction),
    },
    meeting: { id: mid, date, kind: meeting.kind, title: meeting.title ?? "", hostId },
    chairs: meeting.chair ? [person(meeting.chair, 0)] : [],
    attendees: (meeting.attendees ?? []).map((name, i) => person(name, i + 1)),
    departments: [],
    reports: [],
    achievements: [],
    shortcomings: [],
    directives: [],
  };
  const orders = new Set<number>();
  for (const report of extraction.reports ?? []) {
    if (!Number.isInteger(report.order) || report.order < 1 || orders.has(report.order)) {
      throw badInput(`report "${report.subject}": order ${report.order} is not a new positive integer`);
    }
    orders.add(report.order);
    const rid = ids.reportId(mid, report.order);
    const departmentIds = resolveSubject(report.subject, context).map(addDepartment);
    rows.reports.push({ id: rid, order: report.order, subject: report.subject, departmentIds });
    const where = (kind: string, i: number) => `report ${report.order} (${report.subject}) ${kind} ${i + 1}`;
    (report.achievements ?? []).forEach((a, i) =>
      rows.achievements.push(
        itemRow(doc.text, a, ids.achievementId(rid, i + 1), rid, i + 1, date, where("achievement", i)),
      ),
    );
    (report.shortcomings ?? []).forEach((s, i) =>
      rows.shortcomings.push(
        itemRow(doc.text, s, ids.shortcomingId(rid, i + 1), rid, i + 1, date, where("shortcoming", i)),
      ),
    );
  }
  (extraction.directives ?? []).forEach((d, i) => {
    const row = itemRow(doc.text, d, ids.directiveId(mid, i + 1), mid, i + 1, date, `directive ${i + 1}`);
    rows.directives.push({
      ...row,
      addresseeIds: (d.addressees ?? []).map((a) => addDepartment(resolveDepartment(a, context))),
    });
  });
  rows.departments = [...departments.values()];
  return rows;
}
