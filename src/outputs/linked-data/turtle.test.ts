import { DataFactory, Parser } from "n3";
import { safeIri } from "../../model/iri";
import { serializeTriples, TripleSerializer } from "./turtle";

const { namedNode, literal, quad } = DataFactory;
const HOSTILE = 'http://x> <http://attacker/s> <http://attacker/p> "injected" . <http://y';
// n3 keeps a literal's datatype inside its id between quotes, so a datatype IRI cannot hold `"`.
const HOSTILE_TYPE = "http://x> . <http://attacker/s> <http://attacker/p> <http://y";

describe("safeIri", () => {
  it("percent-encodes what an IRIREF cannot hold and keeps the rest", () => {
    expect(safeIri('http://a/b c<d>e"f{g}h|i^j`k\\l')).toBe("http://a/b%20c%3Cd%3Ee%22f%7Bg%7Dh%7Ci%5Ej%60k%5Cl");
    expect(safeIri("http://a/\n\t")).toBe("http://a/%0A%09");
    expect(safeIri("http://例子.cn/id/市国资委?x=1#f")).toBe("http://例子.cn/id/市国资委?x=1#f");
    expect(safeIri("http://a/\ud800")).toBe("http://a/%EF%BF%BD");
  });
});

describe("TripleSerializer", () => {
  const quads = [
    quad(namedNode(`${HOSTILE}/id/department/d`), namedNode("http://example.org/p"), literal("v")),
    quad(namedNode("http://example.org/s"), namedNode("http://example.org/p"), namedNode(HOSTILE)),
    quad(namedNode("http://example.org/s"), namedNode("http://example.org/q"), literal("1", namedNode(HOSTILE_TYPE))),
  ];

  it.each(["ntriples", "turtle"] as const)("writes IRIs needing escapes as single terms in %s", (format) => {
    const text = serializeTriples(HOSTILE, format, quads);
    const parsed = new Parser({ format: format === "turtle" ? "text/turtle" : "application/n-triples" }).parse(text);
    expect(parsed).toHaveLength(3);
    expect(
      parsed.some((q) => q.subject.value.includes("attacker/s") && q.predicate.value === "http://attacker/p"),
    ).toBe(false);
    expect(parsed[0].subject.value).toBe(safeIri(`${HOSTILE}/id/department/d`));
    expect(parsed[1].object.value).toBe(safeIri(HOSTILE));
    expect(parsed[2].object.termType).toBe("Literal");
    expect((parsed[2].object as any).datatype.value).toBe(safeIri(HOSTILE_TYPE));
    expect(text).not.toMatch(/<http:\/\/attacker/);
  });

  it("keeps the prefixes of a hostile base inside their @prefix line", () => {
    const s = new TripleSerializer(HOSTILE, "turtle");
    s.add(quads.slice(0, 1));
    const text = s.end();
    const prefixLines = text.split("\n").filter((l) => l.startsWith("@prefix"));
    expect(prefixLines.every((l) => /^@prefix [\w-]+: <[^<>\s"]*>\.$/.test(l))).toBe(true);
    expect(new Parser({ format: "text/turtle" }).parse(text)).toHaveLength(1);
  });

  it("leaves ordinary IRIs unchanged", () => {
    const base = "https://data.example.org/pg";
    const text = serializeTriples(base, "ntriples", [
      quad(namedNode(`${base}/id/department/a%2Fb`), namedNode("http://example.org/p"), literal("v")),
    ]);
    expect(text).toBe(`<${base}/id/department/a%2Fb> <http://example.org/p> "v" .\n`);
  });
});
