import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { classDataSharing, Runtime } from "./runtime";

describe("classDataSharing", () => {
  let dir: string;
  let runtime: Runtime;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pg-cds-"));
    runtime = { java: process.execPath, classpath: "/a.jar:/b.jar", dir };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("records an archive on the first start and keeps it only once the JVM wrote it", () => {
    const first = classDataSharing(runtime, ["-XX:+UseG1GC"]);
    expect(first.using).toBe(false);
    const recording = first.flags[0].replace("-XX:ArchiveClassesAtExit=", "");
    expect(first.flags[0]).toMatch(/^-XX:ArchiveClassesAtExit=.*\.partial$/);
    first.keep(); // the JVM died before writing: nothing to keep
    expect(classDataSharing(runtime, ["-XX:+UseG1GC"]).using).toBe(false);
    const killed = classDataSharing(runtime, ["-XX:+UseG1GC"]);
    const half = killed.flags[0].replace("-XX:ArchiveClassesAtExit=", "");
    writeFileSync(half, "half an archive");
    killed.keep(false); // killed while writing: not kept, removed
    expect(existsSync(half)).toBe(false);
    expect(classDataSharing(runtime, ["-XX:+UseG1GC"]).using).toBe(false);

    const second = classDataSharing(runtime, ["-XX:+UseG1GC"]);
    const written = second.flags[0].replace("-XX:ArchiveClassesAtExit=", "");
    writeFileSync(written, "archive");
    second.keep();
    expect(existsSync(written)).toBe(false);
    expect(existsSync(recording)).toBe(false);
    const third = classDataSharing(runtime, ["-XX:+UseG1GC"]);
    expect(third.using).toBe(true);
    expect(third.flags).toEqual([expect.stringMatching(/^-XX:SharedArchiveFile=.*\.jsa$/), "-Xshare:auto"]);
  });

  it("keys the archive by classpath and flags: another classpath records its own", () => {
    const a = classDataSharing(runtime, []);
    writeFileSync(a.flags[0].replace("-XX:ArchiveClassesAtExit=", ""), "archive");
    a.keep();
    expect(classDataSharing(runtime, []).using).toBe(true);
    expect(classDataSharing({ ...runtime, classpath: "/a.jar:/c.jar" }, []).using).toBe(false);
    expect(classDataSharing(runtime, ["-Xss2m"]).using).toBe(false);
  });
});
