import { itemPageQuery, itemsByIdQuery, itemsByParentQuery } from "./item.cypher";

// The item listing's query builder: which anchor it starts from and which conditions it adds.
// (The catalogue in test/cypher keeps every branch whole; these say what each branch is for.)

const firstMatch = (cypher: string) => /MATCH [^\n]*/.exec(cypher)![0];
const params = (cypher: string) => [...new Set([...cypher.matchAll(/\$(\w+)/g)].map((m) => m[1]))].sort();

describe("itemPageQuery", () => {
  it("starts from the department's reports when a department is given, whatever else is", () => {
    const q = itemPageQuery("Shortcoming", { departmentId: "d", themeId: "t", from: "2022-01-01" });
    expect(firstMatch(q)).toContain(
      "(:Department {id: $departmentId})-[:GAVE]->(:Report)-[:FELL_SHORT]->(x:Shortcoming)",
    );
    // the theme then narrows, through its narrower themes
    expect(q).toContain("EXISTS { (x)-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->(:PolicyTheme {id: $themeId}) }");
    expect(q).toContain("x.date >= date($from)");
  });

  it("finds a department's directives by whom they are addressed to", () => {
    expect(firstMatch(itemPageQuery("Directive", { departmentId: "d" }))).toBe(
      "MATCH (x:Directive)-[:ADDRESSED_TO]->(:Department {id: $departmentId})",
    );
  });

  it("starts from the theme's subtree when a theme is the most selective filter", () => {
    expect(firstMatch(itemPageQuery("Achievement", { themeId: "t" }))).toBe(
      "MATCH (:PolicyTheme {id: $themeId})<-[:BROADER*0..3]-(:PolicyTheme)<-[:ABOUT]-(x:Achievement)",
    );
  });

  it("starts from the meetings of a date window (the meeting_date index), items carrying no date index", () => {
    const q = itemPageQuery("Shortcoming", { to: "2022-12-31" });
    expect(firstMatch(q)).toBe("MATCH (m:Meeting) WHERE m.date <= date($to)");
    expect(q).toContain("MATCH (m)<-[:AT]-(:Report)-[:FELL_SHORT]->(x:Shortcoming)");
    expect(itemPageQuery("Directive", { from: "2022-01-01" })).toContain("MATCH (m)-[:ISSUED]->(x:Directive)");
  });

  it("scans the label only without any anchoring filter, and always leaves rejected items out", () => {
    const q = itemPageQuery("Directive", { contains: "整改", meetingId: "m", departmentKind: "DISTRICT" });
    expect(firstMatch(q)).toBe("MATCH (x:Directive)");
    expect(q).toContain("x.rejected IS NULL");
    expect(q).toContain("x.searchText CONTAINS $contains");
    expect(q).toContain("x.meetingId = $meetingId");
    expect(q).toContain("EXISTS { (x)-[:ADDRESSED_TO]->(d:Department) WHERE d.kind = $departmentKind }");
  });

  it("reads only the parameters of the filters given, plus the page", () => {
    expect(params(itemPageQuery("Achievement", {}))).toEqual(["limit", "skip"]);
    expect(params(itemPageQuery("Achievement", { themeId: "t", from: "2022-01-01" }))).toEqual([
      "from",
      "limit",
      "skip",
      "themeId",
    ]);
  });

  it("counts and pages the same matches, newest meeting first, in reading order within one", () => {
    const q = itemPageQuery("Shortcoming", { themeId: "t" });
    const [, total, page] = q.split("CALL {");
    expect(total.trim().split("\n")[0]).toBe(page.trim().split("\n")[0]);
    expect(q).toContain("ORDER BY x.date DESC, x.meetingId, x.position");
  });
});

describe("the batched item reads", () => {
  it("read a report's items for achievements and shortcomings, a meeting's for directives", () => {
    expect(itemsByParentQuery("Achievement")).toContain("(:Report {id: id})-[:ACHIEVED]->(x:Achievement)");
    expect(itemsByParentQuery("Directive")).toContain("(:Meeting {id: id})-[:ISSUED]->(x:Directive)");
    expect(itemsByParentQuery("Shortcoming")).toContain("x.rejected IS NULL");
  });

  it("find a rejected item by id (an id still answers)", () => {
    expect(itemsByIdQuery("Shortcoming")).not.toContain("rejected IS NULL");
  });
});
