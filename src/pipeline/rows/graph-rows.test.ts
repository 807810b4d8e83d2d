import { Extraction, ExtractedItem } from "../extraction/extraction.types";
import { buildGraphRows } from "./graph-rows";

const text = "市文化和旅游局推进文艺创作。但在统筹协调等方面仍存不足。";
const at = (part: string, themes: string[], extra: Partial<ExtractedItem> = {}): ExtractedItem => {
  const start = text.indexOf(part);
  return { text: part, span: [start, start + part.length], themes, ...extra };
};
const extraction = (shortcoming: ExtractedItem): Extraction => ({
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
      shortcomings: [shortcoming],
    },
  ],
  directives: [],
  warnings: [],
});
const doc = { title: "t", url: "", published: "2023-04-28", text };

describe("buildGraphRows", () => {
  it("marks an item without themes unclassified, and only such an item", () => {
    const rows = buildGraphRows(doc, extraction(at("统筹协调", [], { unclassified: true })), "test");
    expect(rows.shortcomings.map((s) => s.unclassified)).toEqual([true]);
    expect(rows.achievements.map((s) => s.unclassified)).toEqual([false]);
    // An extraction made elsewhere may leave the flag out: a missing flag does not hide the gap.
    expect(buildGraphRows(doc, extraction(at("统筹协调", [])), "test").shortcomings[0].unclassified).toBe(true);
  });

  it("refuses an item flagged unclassified that has themes", () => {
    expect(() =>
      buildGraphRows(doc, extraction(at("统筹协调", ["culture-civility"], { unclassified: true })), "test"),
    ).toThrow(/unclassified but has themes/);
  });

  it("gives each department its portfolio", () => {
    const rows = buildGraphRows(doc, extraction(at("统筹协调", [])), "test");
    // 北京市 comes as the bureau's parent (a city answers for no field of its own).
    expect(rows.departments.map((d) => [d.id, d.assignedThemes])).toEqual([
      ["beijing", []],
      ["culture-tourism-bureau", ["culture-civility"]],
    ]);
  });
});
