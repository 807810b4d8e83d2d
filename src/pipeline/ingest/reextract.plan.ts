import { DirectiveRow, GraphRows, ItemRow, ThemeTagRow } from "../rows/graph-rows";
import * as ids from "../rows/ids";

/** The three kinds of extracted item. */
export type ItemKind = "achievement" | "shortcoming" | "directive";

/** What identifies an item across extractions: its kind, its span in the body and its text. */
export interface ItemIdentity {
  kind: ItemKind;
  start: number;
  end: number;
  text: string;
}

/** An item as the graph holds it: what re-extraction compares with the new extraction. */
export interface StoredItem extends ItemIdentity {
  id: string;
  parentId: string;
  seq: number;
  sentenceStart: number;
  sentenceEnd: number;
  /** The extractor's tags, by rank. */
  themes: ThemeTagRow[];
  /** Department ids a directive is addressed to, sorted (empty for other items). */
  addresseeIds: string[];
}

export interface StoredReport {
  id: string;
  order: number;
  subject: string;
  /** Sorted. */
  departmentIds: string[];
}

export interface StoredPerson {
  id: string;
  order: number;
}

/** A document and what the extractor put in the graph for it. */
export interface StoredDocument {
  document: {
    id: string;
    title: string;
    url: string;
    published: string;
    text: string;
    givenHost: string | null;
    site: string | null;
    extractorVersion: string | null;
  };
  meeting: {
    id: string;
    date: string;
    kind: string;
    title: string;
    hostId: string | null;
    hostName: string | null;
  };
  chairs: StoredPerson[];
  attendees: StoredPerson[];
  reports: StoredReport[];
  items: StoredItem[];
}

/** What re-extracting a document changes, in counts. */
export interface ReextractCounts {
  /** Items the extractor finds now and did not before. */
  added: number;
  /** Items it found before and does not now. */
  removed: number;
  /** Items kept whose themes (or their order) changed. */
  retagged: number;
  /** Reports kept whose departments changed (their subject resolved anew). */
  resolved: number;
}

/** The rows to write for a re-extracted document, with the ids it keeps, and what changes. */
export interface ReextractPlan {
  rows: GraphRows;
  keptItemIds: string[];
  keptReportIds: string[];
  counts: ReextractCounts;
  /** False when the new extraction writes exactly what is stored. */
  changed: boolean;
}

const identity = (i: ItemIdentity) => `${i.kind}\u0000${i.start}\u0000${i.end}\u0000${i.text}`;

/**
 * Pairs fresh items with the stored items they continue: same kind, span and text. Each stored item
 * goes to one fresh item at most (the first, when the same identity comes twice). Returns, per
 * fresh item in order, its stored counterpart or undefined (a new item).
 */
export function matchItems<T extends ItemIdentity>(
  stored: readonly T[],
  fresh: readonly ItemIdentity[],
): (T | undefined)[] {
  const waiting = new Map<string, T[]>();
  for (const item of stored) {
    const key = identity(item);
    const queue = waiting.get(key);
    if (queue) queue.push(item);
    else waiting.set(key, [item]);
  }
  return fresh.map((item) => waiting.get(identity(item))?.shift());
}

const hash8 = (text: string) => ids.sha256(text).slice(0, 8);

/**
 * The id of an item re-extraction finds anew: its positional id with a digest of its identity. It
 * differs from every positional id (what kept items carry), and from the id of any other item,
 * whether gone or kept, so that nothing that pointed at another item (a link, a correction) lands
 * on it.
 */
export function newItemId(positional: string, item: ItemIdentity): string {
  return `${positional}-${hash8(identity(item))}`;
}

/** The id of a report re-extraction finds anew (another order or subject than any stored one): see newItemId. */
export function newReportId(meetingId: string, order: number, subject: string): string {
  return `${ids.reportId(meetingId, order)}-${hash8(subject)}`;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
// As the graph keeps them: a set (the writer MERGEs each link once).
const sorted = (xs: readonly string[]) => [...new Set(xs)].sort();

// The rows and the stored state in one shape, ids included, so that equal means "nothing to write".
function canonical(
  meeting: { date: string; kind: string; title: string; hostId: string | null },
  chairs: readonly StoredPerson[],
  attendees: readonly StoredPerson[],
  reports: readonly StoredReport[],
  items: readonly StoredItem[],
): string {
  // One link per person: the writer MERGEs it and SETs the order, so the last one given wins.
  const people = (ps: readonly StoredPerson[]) =>
    [...new Map(ps.map((p) => [p.id, p.order])).entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return JSON.stringify([
    [meeting.date, meeting.kind, meeting.title, meeting.hostId],
    people(chairs),
    people(attendees),
    [...reports].sort((a, b) => a.order - b.order).map((r) => [r.id, r.order, r.subject, sorted(r.departmentIds)]),
    [...items]
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id))
      .map((i) => [
        i.kind,
        i.id,
        i.parentId,
        i.seq,
        i.text,
        i.start,
        i.end,
        i.sentenceStart,
        i.sentenceEnd,
        i.themes.map((t) => [t.id, t.rank, t.reason]),
        sorted(i.addresseeIds),
      ]),
  ]);
}

function asStored(kind: ItemKind, row: ItemRow | DirectiveRow): StoredItem {
  return {
    kind,
    id: row.id,
    parentId: row.parentId,
    seq: row.seq,
    text: row.text,
    start: row.start,
    end: row.end,
    sentenceStart: row.sentenceStart,
    sentenceEnd: row.sentenceEnd,
    themes: row.themes,
    addresseeIds: "addresseeIds" in row ? sorted(row.addresseeIds) : [],
  };
}

/**
 * Plans the re-extraction of a stored document from the rows its new extraction gives (positional
 * ids, as a first ingest would write them): the meeting keeps its id (even when its date or kind
 * now reads differently), a report keeps its id when its order and subject are unchanged, an item
 * when its kind, span and text are; what is new gets an id no kept or removed one has.
 */
export function planReextract(stored: StoredDocument, fresh: GraphRows): ReextractPlan {
  const meetingId = stored.meeting.id;
  const reportIds = new Map<string, string>();
  const storedReports = new Map(stored.reports.map((r) => [`${r.order}\u0000${r.subject}`, r]));
  let resolved = 0;
  const keptReportIds: string[] = [];
  const reports = fresh.reports.map((r) => {
    const kept = storedReports.get(`${r.order}\u0000${r.subject}`);
    const id = kept?.id ?? newReportId(meetingId, r.order, r.subject);
    if (kept) {
      keptReportIds.push(id);
      if (!sameList(sorted(kept.departmentIds), sorted(r.departmentIds))) resolved++;
    }
    reportIds.set(r.id, id);
    return { ...r, id };
  });

  const freshItems: { kind: ItemKind; row: ItemRow | DirectiveRow; parentId: string }[] = [
    ...fresh.achievements.map((row) => ({ kind: "achievement" as const, row, parentId: reportIds.get(row.parentId)! })),
    ...fresh.shortcomings.map((row) => ({ kind: "shortcoming" as const, row, parentId: reportIds.get(row.parentId)! })),
    ...fresh.directives.map((row) => ({ kind: "directive" as const, row, parentId: meetingId })),
  ];
  const matches = matchItems(
    stored.items,
    freshItems.map(({ kind, row }) => ({ kind, start: row.start, end: row.end, text: row.text })),
  );
  let retagged = 0;
  const keptItemIds: string[] = [];
  const placed = freshItems.map(({ kind, row, parentId }, i) => {
    const kept = matches[i];
    let id: string;
    if (kept) {
      id = kept.id;
      keptItemIds.push(id);
      if (
        !sameList(
          kept.themes.map((t) => t.id),
          row.themes.map((t) => t.id),
        )
      )
        retagged++;
    } else {
      const positional =
        kind === "directive"
          ? ids.directiveId(meetingId, row.seq)
          : (kind === "achievement" ? ids.achievementId : ids.shortcomingId)(parentId, row.seq);
      id = newItemId(positional, { kind, start: row.start, end: row.end, text: row.text });
    }
    return { kind, row: { ...row, id, parentId } };
  });
  const rowsOf = <K extends ItemKind>(kind: K) => placed.filter((p) => p.kind === kind).map((p) => p.row);

  const rows: GraphRows = {
    ...fresh,
    meeting: { ...fresh.meeting, id: meetingId },
    reports,
    achievements: rowsOf("achievement"),
    shortcomings: rowsOf("shortcoming"),
    directives: rowsOf("directive") as DirectiveRow[],
  };
  const added = matches.filter((m) => !m).length;
  const changed =
    canonical(stored.meeting, stored.chairs, stored.attendees, stored.reports, stored.items) !==
    canonical(rows.meeting, rows.chairs, rows.attendees, rows.reports, [
      ...rows.achievements.map((r) => asStored("achievement", r)),
      ...rows.shortcomings.map((r) => asStored("shortcoming", r)),
      ...rows.directives.map((r) => asStored("directive", r)),
    ]);
  return {
    rows,
    keptItemIds,
    keptReportIds,
    counts: { added, removed: stored.items.length - keptItemIds.length, retagged, resolved },
    changed,
  };
}
