import * as jsonld from "jsonld";
import { DataFactory, Parser } from "n3";
import { csvField } from "./csv";
import { renderHtml } from "./html";
import { JsonLdFramer } from "./jsonld";
import { describeEntity, Terms } from "./mapping";
import { EntityRow } from "./model";
import { serializeTriples } from "./turtle";
import { contextDocument } from "./vocabulary";

const BASE = "https://data.example.org/pg";
const t = new Terms(BASE);
const key = (q: any) =>
  [q.subject, q.predicate, q.object]
    .map((x: any) =>
      x.termType === "Literal" ? `${JSON.stringify(x.value)}@${x.language || ""}^^${x.datatype.value}` : `<${x.value}>`,
    )
    .join(" ");

// A readout whose metadata is awkward for every format: quotes, line breaks, markup, a URL that
// is not an IRI, a publication date that is neither YYYY-MM-DD nor YYYY.
const awkward: EntityRow = {
  id: "doc-1",
  title: '标题 "quoted" <script>alert(1)</script>',
  url: "not a url",
  published: "2022-06",
  sha256: "ab",
  text: '第一行，"引号"\n第二行\\反斜杠',
  links: {},
};

async function viaJsonLd(quads: ReturnType<ReturnType<typeof describeEntity>["quads"]>) {
  const nodes = new JsonLdFramer(BASE).nodes(quads);
  const doc = { "@context": contextDocument(BASE)["@context"], "@graph": nodes };
  const noNetwork = async (url: string) => {
    throw new Error(`no network: ${url}`);
  };
  return (await jsonld.toRDF(doc as any, { documentLoader: noNetwork as any })) as any[];
}

describe("one mapping, three serialisations", () => {
  it("round-trips awkward values through Turtle, N-Triples and JSON-LD unchanged", async () => {
    const quads = describeEntity(t, "Document", awkward).quads();
    const url = quads.find((q) => q.predicate.value === "https://schema.org/url")!;
    expect(url.object.termType).toBe("Literal");
    const published = quads.find((q) => q.predicate.value === "http://purl.org/dc/terms/issued")!;
    expect(published.object).toEqual(DataFactory.literal("2022-06"));
    const expected = new Set(quads.map(key));
    expect(new Set(new Parser().parse(serializeTriples(BASE, "turtle", quads)).map(key))).toEqual(expected);
    expect(
      new Set(
        new Parser({ format: "application/n-triples" }).parse(serializeTriples(BASE, "ntriples", quads)).map(key),
      ),
    ).toEqual(expected);
    expect(new Set((await viaJsonLd(quads)).map(key))).toEqual(expected);
  });

  it("keeps a value that does not fit its term under the full predicate IRI", () => {
    const [node] = new JsonLdFramer(BASE).nodes(describeEntity(t, "Document", awkward).quads());
    expect(node["https://schema.org/url"]).toBe("not a url");
    expect(node.published).toBe("2022-06");
    expect(node.url).toBeUndefined();
  });
});

describe("HTML", () => {
  it("escapes every value and IRI", () => {
    const quads = describeEntity(t, "Document", awkward).quads();
    const html = renderHtml({
      baseUrl: BASE,
      iri: `${BASE}/id/document/doc-1`,
      quads,
      alternates: [{ label: "Turtle", href: '?format=ttl&x="y"', type: "text/turtle" }],
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;quoted&quot;");
    expect(html).toContain('href="?format=ttl&amp;x=&quot;y&quot;"');
  });
});

describe("CSV fields", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    [["市发改委", "市发展改革委"], "市发改委|市发展改革委"],
    [null, ""],
    [true, "true"],
    [12, "12"],
  ])("%j → %j", (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});
