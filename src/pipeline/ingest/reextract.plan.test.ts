import { ExtractedItem, Extraction } from "../extraction/extraction.types";
import { buildGraphRows, GraphRows } from "../rows/graph-rows";
import { matchItems, newItemId, planReextract, StoredDocument, StoredItem } from "./reextract.plan";

const text =
  "市文化和旅游局推进文艺创作。但在统筹协调等方面仍存不足。市财政局保障重点支出。但在财会监督等方面仍存不足。要抓好安全生产。";
const at = (part: string, themes: string[]): ExtractedItem => {
  const start = text.indexOf(part);
  return { text: part, span: [start, start + part.length], themes };
};
const extraction = (over: Partial<Extraction> = {}): Extraction => ({
  meeting: {
    date: "2023-04-28",
    kind: "municipal-departments",
    host: "北京市",
    title: "点评会",
    chair: null,
    attendees: [],
  },
  reports: [
    {
      order: 1,
      subject: "市文化和旅游局",
      achievements: [at("推进文艺创作", ["culture-civility"])],
      shortcomings: [at("统筹协调", ["party-building"])],
    },
    { order: 2, subject: "市财政局", achievements: [at("保障重点支出", [])], shortcomings: [at("财会监督", [])] },
  ],
  directives: [at("要抓好安全生产", ["public-safety"])],
  warnings: [],
  ...over,
});
const doc = { title: "t", url: "", published: "2023-04-28", text };
const rowsOf = (e: Extraction = extraction()) => buildGraphRows(doc, e, "new");

// What the graph would hold after writing these rows.
function storedOf(rows: GraphRows): StoredDocument {
  const item = (kind: StoredItem["kind"], r: GraphRows["achievements"][number]): StoredItem => ({
    kind,
    id: r.id,
    parentId: r.parentId,
    seq: r.seq,
    text: r.text,
    start: r.start,
    end: r.end,
    sentenceStart: r.sentenceStart,
    sentenceEnd: r.sentenceEnd,
    themes: r.themes,
    addresseeIds: "addresseeIds" in r ? [...(r as { addresseeIds: string[] }).addresseeIds].sort() : [],
  });
  return {
    document: { ...rows.document, givenHost: "", site: null, extractorVersion: "old" },
    meeting: { ...rows.meeting, hostName: "北京市" },
    chairs: rows.chairs.map((p) => ({ id: p.id, order: p.order })),
    attendees: rows.attendees.map((p) => ({ id: p.id, order: p.order })),
    reports: rows.reports.map((r) => ({ ...r, departmentIds: [...r.departmentIds].sort() })),
    items: [
      ...rows.achievements.map((r) => item("achievement", r)),
      ...rows.shortcomings.map((r) => item("shortcoming", r)),
      ...rows.directives.map((r) => item("directive", r)),
    ],
  };
}

const ids = (rows: GraphRows) => [...rows.achievements, ...rows.shortcomings, ...rows.directives].map((r) => r.id);

describe("matchItems", () => {
  const item = (kind: "achievement" | "shortcoming" | "directive", start: number, end: number, t: string, id = "") => ({
    kind,
    start,
    end,
    text: t,
    id,
  });

  it("pairs items of the same kind, span and text, and nothing else", () => {
    const stored = [item("shortcoming", 0, 2, "统筹", "old-1"), item("achievement", 3, 5, "推进", "old-2")];
    const got = matchItems(stored, [
      item("shortcoming", 0, 2, "统筹"),
      item("achievement", 0, 2, "统筹"),
      item("achievement", 3, 6, "推进文"),
      item("achievement", 3, 5, "推进"),
    ]);
    expect(got.map((m) => m?.id)).toEqual(["old-1", undefined, undefined, "old-2"]);
  });

  it("gives each stored item to one fresh item only, in order, when an identity comes twice", () => {
    const stored = [item("directive", 1, 3, "要抓", "a"), item("directive", 1, 3, "要抓", "b")];
    const fresh = [item("directive", 1, 3, "要抓"), item("directive", 1, 3, "要抓"), item("directive", 1, 3, "要抓")];
    expect(matchItems(stored, fresh).map((m) => m?.id)).toEqual(["a", "b", undefined]);
  });
});

describe("planReextract", () => {
  it("finds the same reading unchanged and keeps every id", () => {
    const rows = rowsOf();
    const plan = planReextract(storedOf(rows), rowsOf());
    expect(plan.changed).toBe(false);
    expect(plan.counts).toEqual({ added: 0, removed: 0, retagged: 0, resolved: 0 });
    expect(plan.keptItemIds.sort()).toEqual(ids(rows).sort());
    expect(plan.rows.document.extractorVersion).toBe("new");
  });

  it("keeps stored ids that are not positional, and re-points kept items to their reports", () => {
    const stored = storedOf(rowsOf());
    stored.items = stored.items.map((i) => ({ ...i, id: `${i.id}-kept` }));
    const plan = planReextract(stored, rowsOf());
    expect(plan.changed).toBe(false);
    expect(ids(plan.rows).every((id) => id.endsWith("-kept"))).toBe(true);
    expect(plan.rows.shortcomings.map((s) => s.parentId)).toEqual(stored.reports.map((r) => r.id));
  });

  it("keeps the meeting's id when its date reads otherwise now", () => {
    const stored = storedOf(rowsOf());
    const moved = rowsOf(extraction({ meeting: { ...extraction().meeting, date: "2023-04-27" } }));
    expect(moved.meeting.id).not.toBe(stored.meeting.id);
    const plan = planReextract(stored, moved);
    expect(plan.rows.meeting).toMatchObject({ id: stored.meeting.id, date: "2023-04-27" });
    expect(plan.rows.reports.map((r) => r.id)).toEqual(stored.reports.map((r) => r.id));
    expect(plan.rows.directives.map((d) => d.parentId)).toEqual([stored.meeting.id]);
    expect(plan.changed).toBe(true);
    expect(plan.counts).toEqual({ added: 0, removed: 0, retagged: 0, resolved: 0 });
  });

  it("gives a new item an id no stored item had, even in the place of one removed", () => {
    const stored = storedOf(rowsOf());
    const split = extraction();
    split.reports[0].shortcomings = [at("统筹", ["party-building"]), at("协调", ["party-building"])];
    const plan = planReextract(stored, rowsOf(split));
    expect(plan.counts).toMatchObject({ added: 2, removed: 1 });
    const storedIds = new Set(stored.items.map((i) => i.id));
    const fresh = plan.rows.shortcomings.filter((s) => !storedIds.has(s.id));
    expect(fresh.map((s) => s.id)).toEqual([
      newItemId(`${stored.reports[0].id}-s1`, {
        kind: "shortcoming",
        start: text.indexOf("统筹"),
        end: text.indexOf("统筹") + 2,
        text: "统筹",
      }),
      newItemId(`${stored.reports[0].id}-s2`, {
        kind: "shortcoming",
        start: text.indexOf("协调"),
        end: text.indexOf("协调") + 2,
        text: "协调",
      }),
    ]);
    expect(fresh[0].id).toMatch(/-s1-[0-9a-f]{8}$/);
    expect(plan.keptItemIds).not.toContain(`${stored.reports[0].id}-s1`);
  });

  it("gives a report whose subject changed a new id; its items keep theirs under it", () => {
    const stored = storedOf(rowsOf());
    const renamed = extraction();
    renamed.reports[1] = { ...renamed.reports[1], subject: "市财政局党组" };
    const plan = planReextract(stored, rowsOf(renamed));
    const [kept, changed] = plan.rows.reports;
    expect(kept.id).toBe(stored.reports[0].id);
    expect(changed.id).not.toBe(stored.reports[1].id);
    expect(changed.id).toMatch(new RegExp(`^${stored.reports[1].id}-[0-9a-f]{8}$`));
    expect(plan.keptReportIds).toEqual([stored.reports[0].id]);
    expect(plan.rows.achievements[1]).toMatchObject({ id: stored.items[1].id, parentId: changed.id });
    expect(plan.counts).toEqual({ added: 0, removed: 0, retagged: 0, resolved: 0 });
  });

  it("counts items whose themes changed, not those whose reasons did", () => {
    const stored = storedOf(rowsOf());
    const retagged = extraction();
    retagged.reports[0].shortcomings = [at("统筹协调", ["culture-civility"])];
    expect(planReextract(stored, rowsOf(retagged)).counts.retagged).toBe(1);
    stored.items[2] = {
      ...stored.items[2],
      themes: stored.items[2].themes.map((t) => ({ ...t, reason: "keyword:old" })),
    };
    const plan = planReextract(stored, rowsOf());
    expect(plan).toMatchObject({ changed: true, counts: { retagged: 0 } });
  });

  it("counts kept reports whose departments changed as re-resolved", () => {
    const stored = storedOf(rowsOf());
    stored.reports[1] = { ...stored.reports[1], departmentIds: ["dept-unscoped"] };
    const plan = planReextract(stored, rowsOf());
    expect(plan).toMatchObject({ changed: true, counts: { resolved: 1 } });
    expect(plan.rows.reports[1].id).toBe(stored.reports[1].id);
  });

  it("does not take a body or person named twice for a change (the graph keeps one link)", () => {
    const rows = rowsOf();
    const twice: GraphRows = {
      ...rows,
      reports: rows.reports.map((r) => ({ ...r, departmentIds: [...r.departmentIds, ...r.departmentIds] })),
      attendees: [
        { id: "p", name: "某", nameEn: null, curated: false, order: 1 },
        { id: "p", name: "某", nameEn: null, curated: false, order: 2 },
      ],
    };
    const stored = { ...storedOf(rows), attendees: [{ id: "p", order: 2 }] };
    expect(planReextract(stored, twice).changed).toBe(false);
  });
});
