import { MIGRATIONS, pendingMigrations } from "./migrations";

describe("pendingMigrations", () => {
  it("runs every CREATE on an empty schema and no DROP", () => {
    const pending = pendingMigrations(MIGRATIONS, new Set());
    expect(pending.some((s) => /^\s*DROP/.test(s))).toBe(false);
    expect(pending.length).toBe(MIGRATIONS.filter((s) => /^\s*CREATE/.test(s)).length);
  });

  it("runs only what changes a schema that has some names and lacks others", () => {
    const present = new Set(["entity_id", "report_date", "policygraph_search"]);
    const pending = pendingMigrations(MIGRATIONS, present);
    expect(pending).toContain("DROP INDEX report_date IF EXISTS");
    expect(pending.some((s) => s.includes("CONSTRAINT entity_id"))).toBe(false);
    expect(pending.some((s) => s.includes("FULLTEXT INDEX policygraph_search"))).toBe(false);
    expect(pending.some((s) => s.includes("CONSTRAINT meeting_id"))).toBe(true);
  });

  it("runs nothing on a schema that already holds every name (and none it drops)", () => {
    const names = MIGRATIONS.flatMap((s) => {
      const m = /^\s*CREATE\s+(?:FULLTEXT\s+)?(?:CONSTRAINT|INDEX)\s+(\w+)/.exec(s);
      return m ? [m[1]] : [];
    });
    expect(pendingMigrations(MIGRATIONS, new Set(names))).toEqual([]);
  });
});
