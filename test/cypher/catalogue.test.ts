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

  it.each(statements.map((s) => [s.name, s.cypher]))("%s", (_name, cypher) => {
    expect(cypher).toMatchSnapshot();
  });
});
