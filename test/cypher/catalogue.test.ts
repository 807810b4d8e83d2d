import { LABELS } from "../../src/platform/db/migrations";
import { ENTITY_LABELS, RELATIONSHIP_TYPES, STATE_LABELS } from "../../src/model/graph.cypher";
import { catalogue } from "./catalogue";

// "Cypher in, Cypher out": every statement the service can run, whole, as a snapshot. A change to
// a statement or to a builder's branch shows in review as a diff of the Cypher Neo4j will run
// (`npx jest test/cypher -u` accepts it). No database here; explain.test.ts plans each one.

const { statements, problems } = catalogue();

describe("the Cypher catalogue", () => {
  it("expands every exported statement and builder", () => {
    expect(problems).toEqual([]);
    expect(statements.length).toBeGreaterThan(150);
  });

  it("names each statement once", () => {
    const names = statements.map((s) => s.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("leaves no template hole or stray value in any statement", () => {
    const broken = statements.filter((s) => /\$\{|\bundefined\b|\[object Object\]|\bNaN\b/.test(s.cypher));
    expect(broken.map((s) => s.name)).toEqual([]);
  });

  it("uses only the graph model's labels and relationship types (src/model/graph.cypher.ts)", () => {
    const labels = new Set<string>(["Entity", ...ENTITY_LABELS, ...STATE_LABELS]);
    const types = new Set<string>(RELATIONSHIP_TYPES);
    const stray: string[] = [];
    for (const s of statements) {
      const cypher = s.cypher.replace(/'[^']*'/g, "''"); // string literals are data, not names
      for (const m of cypher.matchAll(/\(\s*\w*((?::\w+)+)/g))
        // (n:Label:Other
        for (const l of m[1].split(":").filter(Boolean)) if (!labels.has(l)) stray.push(`${s.name}: label ${l}`);
      for (const m of cypher.matchAll(/\b\w+:([A-Z][a-z]\w*)\b/g))
        // WHERE n:Label
        if (!labels.has(m[1])) stray.push(`${s.name}: label ${m[1]}`);
      for (const m of cypher.matchAll(/\[\s*\w*\s*:\s*([A-Z_|:]+)/g))
        // -[r:TYPE|OTHER
        for (const t of m[1].split(/[|:]/).filter(Boolean)) if (!types.has(t)) stray.push(`${s.name}: type ${t}`);
    }
    expect(stray).toEqual([]);
    // The schema's constraints cover exactly the entity labels.
    expect([...LABELS].sort()).toEqual(["Entity", ...ENTITY_LABELS].sort());
  });

  it.each(statements.map((s) => [s.name, s.cypher]))("%s", (_name, cypher) => {
    expect(cypher).toMatchSnapshot();
  });
});
