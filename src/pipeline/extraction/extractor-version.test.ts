import { join } from "node:path";
import { projectRoot } from "../../platform/paths";
import { EXTRACTOR_SOURCES, extractorVersion, sourceFiles, versionOf } from "./extractor-version";

describe("extractorVersion", () => {
  it("is 16 hex digits, the same at every call", () => {
    expect(extractorVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(extractorVersion()).toBe(extractorVersion());
  });

  it("changes with any text or name it covers, and with nothing else", () => {
    const parts = [
      { name: "extraction/a.ts", text: "const a = 1;" },
      { name: "seed/themes.json", text: "{}" },
    ];
    const base = versionOf(parts);
    expect(versionOf(parts.map((p) => ({ ...p })))).toBe(base);
    expect(versionOf([parts[0], { ...parts[1], text: "{ }" }])).not.toBe(base);
    expect(versionOf([{ ...parts[0], name: "extraction/b.ts" }, parts[1]])).not.toBe(base);
    // A boundary moved between two texts is another version.
    expect(
      versionOf([
        { name: "x", text: "ab" },
        { name: "y", text: "c" },
      ]),
    ).not.toBe(
      versionOf([
        { name: "x", text: "a" },
        { name: "y", text: "bc" },
      ]),
    );
  });

  it("reads the extraction rules and the registries, not their tests", () => {
    const files = sourceFiles(join(projectRoot, "src"), ".ts").map((f) => f.slice(projectRoot.length + 1));
    expect(files).toContain("src/pipeline/extraction/extract.ts");
    expect(files).toContain("src/pipeline/extraction/themes.ts");
    expect(files).toContain("src/pipeline/registry/department.registry.ts");
    expect(files).toContain("src/pipeline/rows/graph-rows.ts");
    expect(files.filter((f) => f.endsWith(".test.ts"))).toEqual([]);
    expect(files.length).toBeGreaterThan(EXTRACTOR_SOURCES.length);
  });
});
