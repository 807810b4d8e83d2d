import { entityPath, parseRoute, SEGMENTS } from "./routes";

const route = (path: string) => parseRoute(new URL(path, "http://explorer.test"));

describe("parseRoute", () => {
  it("reads the fixed pages, with or without a trailing slash", () => {
    expect(route("/")).toEqual({ view: "home" });
    expect(route("/id/theme/")).toEqual({ view: "themes" });
    expect(route("/search?q=%E5%85%9A%E5%BB%BA")).toEqual({ view: "search", q: "党建" });
    expect(route("/search")).toEqual({ view: "search", q: "" });
    expect(route("/graph?id=beijing")).toEqual({ view: "graph", id: "beijing" });
  });

  it("keeps a pattern page's query parameters", () => {
    const r = route("/patterns/recurring?minDepartments=3&from=2022-01-01");
    expect(r.view).toBe("recurring");
    if (r.view !== "recurring") throw new Error("unreachable");
    expect(r.params.get("minDepartments")).toBe("3");
    expect(route("/patterns/heatmap").view).toBe("heatmap");
    expect(route("/patterns/persistent").view).toBe("persistent");
  });

  it("reads an entity page at its IRI, decoding the id", () => {
    expect(route("/id/department/%E5%B8%82%E7%A7%91%E5%A7%94")).toEqual({
      view: "entity",
      type: "department",
      id: "市科委",
    });
  });

  it("names anything else as missing", () => {
    expect(route("/id/department")).toEqual({ view: "missing", path: "/id/department" });
    expect(route("/id/department/a/b")).toEqual({ view: "missing", path: "/id/department/a/b" });
    expect(route("/nowhere")).toEqual({ view: "missing", path: "/nowhere" });
  });
});

describe("entityPath", () => {
  it("puts an entity at its IRI path, and parseRoute reads it back", () => {
    for (const [typename, segment] of Object.entries(SEGMENTS)) {
      const path = entityPath(typename, "2022-03-31 r1/s2");
      expect(path.startsWith(`/id/${segment}/`)).toBe(true);
      expect(route(path)).toEqual({ view: "entity", type: segment, id: "2022-03-31 r1/s2" });
    }
  });
});
