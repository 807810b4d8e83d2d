import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { javaMajor, LocalNeo4jUnavailable, prepareRuntime } from "./runtime";

describe("javaMajor", () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "25" 2025-09-16', 25],
    ['java version "1.8.0_392"', 8],
    ["something else", undefined],
  ])("reads %s as %s", (banner, major) => {
    expect(javaMajor(banner)).toBe(major);
  });
});

describe("prepareRuntime", () => {
  const saved = process.env.JAVA_HOME;
  afterEach(() => {
    if (saved === undefined) delete process.env.JAVA_HOME;
    else process.env.JAVA_HOME = saved;
  });

  it("says what to install when there is no Java", async () => {
    process.env.JAVA_HOME = "/nonexistent-jdk";
    const cache = mkdtempSync(join(tmpdir(), "pg-cache-"));
    const attempt = prepareRuntime(cache, () => undefined);
    await expect(attempt).rejects.toBeInstanceOf(LocalNeo4jUnavailable);
    await expect(attempt).rejects.toThrow(/Java 17 or later.*NEO4J_URI/);
  });
});
