import { luceneQuery, searchTerms, snippetOf } from "./search.query";

describe("searchTerms", () => {
  it("simplifies traditional script and splits on any whitespace", () => {
    expect(searchTerms(" 黨風廉政\u3000建設\t整改 ")).toEqual(["党风廉政", "建设", "整改"]);
  });

  it("drops Lucene's operators and words left empty by that", () => {
    expect(searchTerms('党建 AND "整改" (督查) * ~ title:会议')).toEqual(["党建", "AND", "整改", "督查", "title会议"]);
  });

  it("keeps at most ten words", () => {
    expect(searchTerms(Array.from({ length: 14 }, (_, i) => `词${i}`).join(" "))).toHaveLength(10);
  });
});

describe("luceneQuery", () => {
  it("requires every word, each as a phrase", () => {
    expect(luceneQuery(["三重一大", "整改"])).toBe('"三重一大" AND "整改"');
  });
});

describe("snippetOf", () => {
  const text = "一".repeat(50) + "落实三重一大决策制度不到位" + "二".repeat(50);

  it("centres a window on the first match, with ellipses where it cuts", () => {
    const { snippet, highlights } = snippetOf(text, ["三重一大"], 10);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(highlights).toHaveLength(1);
    const [{ start, end }] = highlights;
    expect(snippet.slice(start, end)).toBe("三重一大");
  });

  it("highlights traditional text found by its simplified term", () => {
    const { snippet, highlights } = snippetOf("加強黨風廉政建設", ["党风"]);
    expect(highlights.map((h) => snippet.slice(h.start, h.end))).toEqual(["黨風"]);
  });

  it("highlights every occurrence of every term, in order", () => {
    const { highlights } = snippetOf("整改不到位，整改台账不全，督查不严", ["督查", "整改"]);
    expect(highlights.map((h) => h.start)).toEqual([0, 6, 13]);
  });

  it("starts at the beginning when nothing matches", () => {
    const { snippet, highlights } = snippetOf("甲乙丙", ["丁"]);
    expect(snippet).toBe("甲乙丙");
    expect(highlights).toEqual([]);
  });
});
