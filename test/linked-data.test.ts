import * as jsonld from "jsonld";
import { DataFactory, Parser, Quad, Store } from "n3";
import { Database } from "../src/platform/db/neo4j";
import { entityIri, EntityType, IRI_TYPES } from "../src/model/iri";
import { RunningServer } from "../src/server/app";
import { graphCounts, resetGraph, testDatabase } from "./support/graph";
import { ingestAll } from "./support/readouts";
import { gql, testServer } from "./support/server";

const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XSD = "http://www.w3.org/2001/XMLSchema#";
const SKOS = "http://www.w3.org/2004/02/skos/core#";
const OA = "http://www.w3.org/ns/oa#";
const SCHEMA = "https://schema.org/";
const PROV = "http://www.w3.org/ns/prov#";
const FIVE = ["市发展改革委", "市财政局", "市规划自然资源委", "市住房城乡建设委", "市国资委"];
const LABELS: EntityType[] = Object.keys(IRI_TYPES) as EntityType[];

let db: Database;
let server: RunningServer;
let base: string;
let pg: string;
let context: unknown;
let dump: Store;
let dumpTurtle: string;
let foundingMeeting: string;

// ---- real parsers: n3 for Turtle / N-Triples, jsonld.js for JSON-LD (with no network) ----

function termKey(t: any): string {
  if (t.termType === "NamedNode") return `<${t.value}>`;
  if (t.termType === "BlankNode") return `_:${t.value}`;
  if (t.termType === "Literal") {
    return `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^<${t.datatype.value}>`}`;
  }
  return "";
}
const tripleKey = (q: any) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;
const keys = (quads: any[]) => new Set(quads.map(tripleKey));

const tripleOf = (s: string, p: string, o: string) =>
  DataFactory.quad(DataFactory.namedNode(s), DataFactory.namedNode(p), DataFactory.namedNode(o));

const parseTurtle = (text: string, format = "text/turtle"): Quad[] => new Parser({ format }).parse(text);

const requestedByLoader: string[] = [];
// Serves the context the server published, and refuses every other URL: no network in tests.
async function documentLoader(url: string) {
  requestedByLoader.push(url);
  if (url !== `${base}/ns/context.jsonld`) throw new Error(`test document loader: no network for ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: context };
}
const jsonLdQuads = async (doc: unknown): Promise<any[]> =>
  (await jsonld.toRDF(doc as any, { documentLoader: documentLoader as any })) as any[];

async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  const res = await fetch(path.startsWith("http") ? path : `${base}${path}`, { method, headers });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

const iri = (type: EntityType, id: string) => entityIri(base, type, id);
const objects = (s: string, p: string) => dump.getObjects(s, p, null);
const subjects = (p: string, o: string) => dump.getSubjects(p, o, null).map((t) => t.value);
const one = (s: string, p: string): any => {
  const found = objects(s, p);
  expect(found).toHaveLength(1);
  return found[0];
};

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await ingestAll(db);
  server = await testServer(db);
  base = server.url;
  pg = `${base}/ns#`;
  context = JSON.parse((await get("/ns/context.jsonld")).body);
  dumpTurtle = (await get("/dump.ttl")).body;
  dump = new Store(parseTurtle(dumpTurtle));
  const [m] = await db.read<{ id: string }>("MATCH (m:Meeting {date: date('2022-03-31')}) RETURN m.id AS id");
  foundingMeeting = m.id;
}, 120_000);

afterAll(async () => {
  await server.close();
  await db.close();
});

describe("the Turtle dump agrees with the graph", () => {
  it("holds every entity exactly once as a subject with its project class", async () => {
    const counts = await graphCounts(db);
    for (const label of LABELS) {
      const ids = (await db.read<{ id: string }>(`MATCH (n:${label}) RETURN n.id AS id`)).map((r) => r.id);
      expect(ids.length).toBe(counts[label]);
      const typed = subjects(`${RDF}type`, `${pg}${label}`);
      expect(typed.sort()).toEqual(ids.map((id) => iri(label, id)).sort());
    }
    // Each entity's own description is one Turtle block: its IRI starts a statement once.
    const starts = dumpTurtle.split("\n").filter((l) => /^\S/.test(l) && !l.startsWith("@prefix"));
    const firstTokens = starts.map((l) => l.split(" ")[0]);
    expect(new Set(firstTokens).size).toBe(firstTokens.length);
  });

  it("labels the five departments of the founding meeting in Chinese and English", async () => {
    const reports = subjects(`${pg}at`, iri("Meeting", foundingMeeting));
    expect(reports).toHaveLength(5);
    const departments = reports.flatMap((r) => subjects(`${pg}gave`, r));
    const rows = await db.read<{ id: string; name: string; nameEn: string }>(
      "MATCH (d:Department)-[:GAVE]->(:Report)-[:AT]->(:Meeting {id: $id}) RETURN d.id AS id, d.name AS name, d.nameEn AS nameEn",
      { id: foundingMeeting },
    );
    expect(rows.map((r) => r.name).sort()).toEqual([...FIVE].sort());
    expect(departments.sort()).toEqual(rows.map((r) => iri("Department", r.id)).sort());
    for (const r of rows) {
      const labels = objects(iri("Department", r.id), `${SKOS}prefLabel`).map(termKey).sort();
      expect(labels).toEqual([`${JSON.stringify(r.nameEn)}@en`, `${JSON.stringify(r.name)}@zh`].sort());
      expect(subjects(`${RDF}type`, "http://www.w3.org/ns/org#Organization")).toContain(iri("Department", r.id));
    }
  });

  it("anchors every shortcoming in its document: oa:exact is the text at oa:start..oa:end", async () => {
    const rows = await db.read<{ id: string; text: string; start: number; end: number; doc: string; body: string }>(
      `MATCH (s:Shortcoming), (d:Document {id: s.documentId})
       RETURN s.id AS id, s.text AS text, s.start AS start, s.end AS end, d.id AS doc, d.text AS body`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const r of rows) {
      const s = iri("Shortcoming", r.id);
      expect(one(s, `${PROV}wasDerivedFrom`).value).toBe(iri("Document", r.doc));
      const annotation = one(s, `${pg}evidence`).value;
      expect(one(annotation, `${OA}hasBody`).value).toBe(s);
      const target = one(annotation, `${OA}hasTarget`).value;
      const source = one(target, `${OA}hasSource`).value;
      expect(source).toBe(iri("Document", r.doc));
      const text = one(source, `${SCHEMA}text`).value;
      const selectors = objects(target, `${OA}hasSelector`).map((t) => t.value);
      const quote = selectors.find((x) => dump.has(tripleOf(x, `${RDF}type`, `${OA}TextQuoteSelector`)))!;
      const position = selectors.find((x) => dump.has(tripleOf(x, `${RDF}type`, `${OA}TextPositionSelector`)))!;
      const exact = one(quote, `${OA}exact`).value;
      const start = one(position, `${OA}start`);
      const end = one(position, `${OA}end`);
      expect(start.datatype.value).toBe(`${XSD}integer`);
      expect(text.slice(Number(start.value), Number(end.value))).toBe(exact);
      expect(exact).toBe(r.text);
      expect([Number(start.value), Number(end.value)]).toEqual([r.start, r.end]);
    }
  });

  it("carries the theme scheme: broader/narrower as in the graph, top concepts, bilingual labels", async () => {
    const themes = await db.read<{ id: string; name: string; nameEn: string; parentId: string | null }>(
      "MATCH (t:PolicyTheme) RETURN t.id AS id, t.name AS name, t.nameEn AS nameEn, t.parentId AS parentId",
    );
    const broader = await db.read<{ child: string; parent: string }>(
      "MATCH (c:PolicyTheme)-[:BROADER]->(p:PolicyTheme) RETURN c.id AS child, p.id AS parent",
    );
    expect(broader.length).toBeGreaterThan(0);
    const pairs = (p: string) =>
      dump
        .getQuads(null, p, null, null)
        .map((q) => `${q.subject.value} ${q.object.value}`)
        .sort();
    expect(pairs(`${SKOS}broader`)).toEqual(
      broader.map((b) => `${iri("PolicyTheme", b.child)} ${iri("PolicyTheme", b.parent)}`).sort(),
    );
    expect(pairs(`${SKOS}narrower`)).toEqual(
      broader.map((b) => `${iri("PolicyTheme", b.parent)} ${iri("PolicyTheme", b.child)}`).sort(),
    );
    const scheme = `${base}/id/theme`;
    expect(dump.has(tripleOf(scheme, `${RDF}type`, `${SKOS}ConceptScheme`))).toBe(true);
    const tops = themes.filter((t) => !t.parentId).map((t) => iri("PolicyTheme", t.id));
    expect(tops).toHaveLength(19);
    expect(subjects(`${SKOS}topConceptOf`, scheme).sort()).toEqual([...tops].sort());
    expect(
      objects(scheme, `${SKOS}hasTopConcept`)
        .map((t) => t.value)
        .sort(),
    ).toEqual([...tops].sort());
    for (const t of themes) {
      const s = iri("PolicyTheme", t.id);
      expect(one(s, `${SKOS}inScheme`).value).toBe(scheme);
      expect(objects(s, `${SKOS}prefLabel`).map(termKey).sort()).toEqual(
        [`${JSON.stringify(t.name)}@zh`, `${JSON.stringify(t.nameEn)}@en`].sort(),
      );
    }
  });

  it("types meeting dates as xsd:date and links people and the readout", async () => {
    const m = iri("Meeting", foundingMeeting);
    expect(termKey(one(m, `${SCHEMA}startDate`))).toBe(`"2022-03-31"^^<${XSD}date>`);
    expect(dump.has(tripleOf(m, `${RDF}type`, `${SCHEMA}Event`))).toBe(true);
    const chair = one(m, `${SCHEMA}organizer`).value;
    expect(objects(chair, `${SCHEMA}name`).map(termKey)).toContain('"蔡奇"@zh');
    expect(
      objects(m, `${SCHEMA}attendee`).flatMap((p) => objects(p.value, `${SCHEMA}name`).map((n) => n.value)),
    ).toEqual(expect.arrayContaining(["陈吉宁", "李伟", "魏小东", "张延昆"]));
    const doc = one(m, `${SCHEMA}recordedIn`).value;
    // The founding readout gives only its year; the test readouts a full date.
    expect(termKey(one(doc, "http://purl.org/dc/terms/issued"))).toBe(`"2022"^^<${XSD}gYear>`);
    const [later] = await db.read<{ id: string; published: string }>(
      "MATCH (d:Document) WHERE size(d.published) = 10 RETURN d.id AS id, d.published AS published LIMIT 1",
    );
    expect(termKey(one(iri("Document", later.id), "http://purl.org/dc/terms/issued"))).toBe(
      `${JSON.stringify(later.published)}^^<${XSD}date>`,
    );
  });

  it("states every ABOUT tag with its rank and reason, and every ADDRESSES link as inferred", async () => {
    const about = await db.read<{ item: string; label: string; theme: string; rank: number; reason: string }>(
      "MATCH (x)-[a:ABOUT]->(t:PolicyTheme) RETURN x.id AS item, labels(x)[0] AS label, t.id AS theme, a.rank AS rank, a.reason AS reason",
    );
    expect(dump.getQuads(null, `${pg}about`, null, null)).toHaveLength(about.length);
    for (const a of about.slice(0, 50)) {
      const label = (["Achievement", "Shortcoming", "Directive"] as EntityType[]).find((l) =>
        dump.has(tripleOf(iri(l, a.item), `${RDF}type`, `${pg}${l}`)),
      )!;
      const item = iri(label, a.item);
      const tag = objects(item, `${pg}themeTag`).find(
        (t) => one(t.value, `${pg}theme`).value === iri("PolicyTheme", a.theme),
      )!;
      expect(Number(one(tag.value, `${pg}rank`).value)).toBe(a.rank);
      expect(one(tag.value, `${pg}reason`).value).toBe(a.reason);
    }
    const links = await db.read<{ d: string; s: string; n: number }>(
      "MATCH (d:Directive)-[a:ADDRESSES]->(s:Shortcoming) RETURN d.id AS d, s.id AS s, count(a) AS n",
    );
    const stated = dump.getQuads(null, `${pg}addresses`, null, null).map((q) => `${q.subject.value} ${q.object.value}`);
    expect(stated.sort()).toEqual(links.map((l) => `${iri("Directive", l.d)} ${iri("Shortcoming", l.s)}`).sort());
    const inferences = dump.getSubjects(`${RDF}type`, `${pg}AddressInference`, null);
    expect(inferences).toHaveLength(links.reduce((n, l) => n + l.n, 0));
    for (const node of inferences) {
      expect(objects(node.value, `${pg}reason`)).toHaveLength(1);
      expect(objects(node.value, `${PROV}wasDerivedFrom`)).toHaveLength(2);
    }
  });

  it("declares in /ns every project class and property the dump uses", async () => {
    const vocab = new Store(parseTurtle((await get("/ns", { accept: "text/turtle" })).body));
    const used = new Set<string>();
    for (const q of dump.getQuads(null, null, null, null)) {
      if (q.predicate.value.startsWith(pg)) used.add(q.predicate.value);
      if (q.predicate.value === `${RDF}type` && q.object.value.startsWith(pg)) used.add(q.object.value);
    }
    expect(used.size).toBeGreaterThan(15);
    for (const term of used) {
      expect([term, vocab.getObjects(term, `${RDF}type`, null).length > 0]).toEqual([term, true]);
    }
    expect(vocab.has(tripleOf(`${pg}addresses`, `${RDF}type`, `${pg}InferredProperty`))).toBe(true);
  });
});

describe("JSON-LD", () => {
  it("states the same triples as Turtle for one entity of every type, with only the local context", async () => {
    const samples = await db.read<{ label: EntityType; id: string }>(
      "MATCH (n:Entity) WITH labels(n) AS ls, n WITH [l IN ls WHERE l <> 'Entity'][0] AS label, min(n.id) AS id RETURN label, id",
    );
    expect(samples.map((s) => s.label).sort()).toEqual([...LABELS].sort());
    for (const { label, id } of samples) {
      const path = `/id/${IRI_TYPES[label]}/${encodeURIComponent(id)}`;
      const ttl = await get(path, { accept: "text/turtle" });
      const ld = await get(path, { accept: "application/ld+json" });
      const nt = await get(path, { accept: "application/n-triples" });
      const doc = JSON.parse(ld.body);
      expect(doc["@context"]).toBe(`${base}/ns/context.jsonld`);
      const fromTurtle = keys(parseTurtle(ttl.body));
      expect(fromTurtle.size).toBeGreaterThan(3);
      expect(keys(await jsonLdQuads(doc))).toEqual(fromTurtle);
      expect(keys(parseTurtle(nt.body, "application/n-triples"))).toEqual(fromTurtle);
    }
    expect(new Set(requestedByLoader)).toEqual(new Set([`${base}/ns/context.jsonld`]));
  });

  it("expands with the self-hosted context; a loader without it fails, so nothing else is needed", async () => {
    const doc = JSON.parse((await get(`/id/meeting/${foundingMeeting}`)).body);
    const expanded = await jsonld.expand(doc, { documentLoader: documentLoader as any });
    const meeting = (expanded as any[]).find((n) => n["@id"] === iri("Meeting", foundingMeeting));
    expect(meeting[`${SCHEMA}startDate`]).toEqual([{ "@value": "2022-03-31", "@type": `${XSD}date` }]);
    const offline = async (url: string) => {
      throw new Error(`no network: ${url}`);
    };
    await expect(jsonld.expand(doc, { documentLoader: offline as any })).rejects.toThrow();
  });

  it("streams the JSON-LD dump as one document whose triples equal the Turtle dump's", async () => {
    const res = await get("/dump.jsonld");
    expect(res.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const doc = JSON.parse(res.body);
    expect(doc["@context"]).toBe(`${base}/ns/context.jsonld`);
    const entities = doc["@graph"].filter((n: any) => n.id.startsWith(`${base}/id/`) && n.id.split("/").length > 5);
    expect(entities.length).toBe(
      Object.entries(await graphCounts(db))
        .filter(([k]) => LABELS.includes(k as EntityType))
        .reduce((n, [, v]) => n + v, 0),
    );
    expect(keys(await jsonLdQuads(doc))).toEqual(keys(dump.getQuads(null, null, null, null)));
  });
});

describe("content negotiation on entity IRIs", () => {
  let path: string;
  beforeAll(async () => {
    const [d] = await db.read<{ id: string }>("MATCH (d:Department {name: '市财政局'}) RETURN d.id AS id");
    path = `/id/department/${d.id}`;
  });

  it.each([
    [undefined, "application/ld+json"],
    ["*/*", "application/ld+json"],
    ["application/ld+json", "application/ld+json"],
    ["application/json", "application/json"],
    ["text/turtle", "text/turtle"],
    ["application/n-triples", "application/n-triples"],
    ["text/html", "text/html"],
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"],
    ["application/ld+json;q=0.5, text/turtle;q=0.9", "text/turtle"],
    ["text/turtle;q=0.2, application/ld+json", "application/ld+json"],
    ["text/html;q=0.1, text/*;q=0.5", "text/turtle"],
  ])("Accept %s → %s", async (accept, type) => {
    const res = await get(path, accept ? { accept } : {});
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")!.split(";")[0]).toBe(type);
    expect(res.headers.get("vary")).toMatch(/Accept/i);
  });

  it("lets ?format= override Accept", async () => {
    for (const [format, type] of [
      ["ttl", "text/turtle"],
      ["jsonld", "application/ld+json"],
      ["html", "text/html"],
      ["nt", "application/n-triples"],
    ]) {
      const res = await get(`${path}?format=${format}`, { accept: "image/png" });
      expect([format, res.headers.get("content-type")!.split(";")[0]]).toEqual([format, type]);
    }
    expect((await get(`${path}?format=rdfxml`)).status).toBe(400);
  });

  it("answers 406 with the offered types when nothing acceptable is offered", async () => {
    const res = await get(path, { accept: "image/png, application/rdf+xml" });
    expect(res.status).toBe(406);
    expect(res.headers.get("vary")).toMatch(/Accept/i);
    for (const type of ["application/ld+json", "text/turtle", "text/html", "application/n-triples"]) {
      expect(res.body).toContain(type);
    }
  });

  it("answers 404 for unknown types and ids: JSON to JSON clients, text to others", async () => {
    const json = await get("/id/department/no-such-department", { accept: "application/ld+json" });
    expect(json.status).toBe(404);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    // The one error shape of every route, GraphQL's.
    expect(JSON.parse(json.body)).toEqual({
      errors: [{ message: expect.stringContaining("no-such-department"), extensions: { code: "NOT_FOUND" } }],
    });
    const text = await get("/id/spaceship/x", { accept: "text/turtle" });
    expect(text.status).toBe(404);
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(text.body).toMatch(/no entity type "spaceship"/);
    // An id of another type is not found under this type.
    expect((await get(`/id/meeting/${path.split("/").pop()}`)).status).toBe(404);
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const head = await get(path, { accept: "text/turtle" }, "HEAD");
    const full = await get(path, { accept: "text/turtle" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers.get("content-type")).toBe(full.headers.get("content-type"));
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(full.body)));
    const dumpHead = await get("/dump.ttl", {}, "HEAD");
    expect([dumpHead.status, dumpHead.body, dumpHead.headers.get("content-type")]).toEqual([
      200,
      "",
      "text/turtle; charset=utf-8",
    ]);
  });

  it("allows cross-origin GETs", async () => {
    const res = await get(path, { origin: "https://explorer.example" });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("dereferences the iri the GraphQL API gives", async () => {
    const res = await gql(server, `{ department(id: "state-owned-assets-commission") { iri } }`);
    const departmentIri = res.data!.department.iri;
    expect(departmentIri).toBe(iri("Department", "state-owned-assets-commission"));
    const quads = parseTurtle((await get(departmentIri, { accept: "text/turtle" })).body);
    expect(quads.some((q) => q.subject.value === departmentIri && q.object.value === "市国资委")).toBe(true);
  });

  it("serves the theme scheme at /id/theme and 404s /id/department", async () => {
    const scheme = new Store(parseTurtle((await get("/id/theme", { accept: "text/turtle" })).body));
    expect(scheme.getObjects(`${base}/id/theme`, `${SKOS}hasTopConcept`, null)).toHaveLength(19);
    expect((await get("/id/department")).status).toBe(404);
  });

  it("uses PUBLIC_BASE_URL for IRIs when set", async () => {
    const other = await testServer(db, { publicBaseUrl: "https://data.example.org/pg" });
    try {
      const res = await get(`${other.url}/id/meeting/${foundingMeeting}`, { accept: "text/turtle" });
      const quads = parseTurtle(res.body);
      expect(quads.map((q) => q.subject.value)).toContain(`https://data.example.org/pg/id/meeting/${foundingMeeting}`);
      expect(quads.every((q) => !q.subject.value.startsWith(base))).toBe(true);
      const doc = JSON.parse((await get(`${other.url}/id/meeting/${foundingMeeting}`)).body);
      expect(doc["@context"]).toBe("https://data.example.org/pg/ns/context.jsonld");
    } finally {
      await other.close();
    }
  });

  it("asks for the read token when one is configured", async () => {
    const guarded = await testServer(db, { readToken: "reader-secret" });
    try {
      expect((await get(`${guarded.url}${path}`)).status).toBe(401);
      expect((await get(`${guarded.url}/dump.ttl`)).status).toBe(401);
      expect((await get(`${guarded.url}${path}`, { authorization: "Bearer reader-secret" })).status).toBe(200);
      // The vocabulary and context hold no data.
      expect((await get(`${guarded.url}/ns/context.jsonld`)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe("HTML", () => {
  it("shows a shortcoming with bilingual labels, links to its neighbours and its source sentence", async () => {
    const [s] = await db.read<{ id: string; text: string; sentence: string; report: string; dept: string }>(
      `MATCH (d:Department {name: '市国资委'})-[:GAVE]->(r:Report)-[:FELL_SHORT]->(s:Shortcoming {seq: 1}),
             (doc:Document {id: s.documentId})
       RETURN s.id AS id, s.text AS text, substring(doc.text, s.sentenceStart, s.sentenceEnd - s.sentenceStart) AS sentence,
              r.id AS report, d.id AS dept`,
    );
    const res = await get(`/id/shortcoming/${s.id}`, { accept: "text/html" });
    expect(res.status).toBe(200);
    const html = res.body;
    expect(html).toContain(`<mark>${s.text.replace(/"/g, "&quot;")}</mark>`);
    expect(html).toContain(`<blockquote lang="zh">但在<mark>`);
    expect(s.sentence).toMatch(/^但在执行/);
    expect(html).toContain(`href="${iri("Report", s.report)}"`);
    expect(html).toContain(`href="${iri("PolicyTheme", "party-building")}"`);
    expect(html).toContain('<span lang="en" class="en">Party building and discipline</span>');
    const dept = await get(`/id/department/${s.dept}`, { accept: "text/html" });
    expect(dept.body).toContain('<span lang="zh">市国资委</span>');
    expect(dept.body).toMatch(/State-owned Assets/);
    // The description sits inside the explorer's page, whose only script is its own bundle.
    const scripts = [...html.matchAll(/<script[^>]*>/gi)].map((m) => m[0]);
    expect(scripts).toEqual([expect.stringMatching(/^<script type="module" crossorigin src="\/assets\/[^"]+\.js">$/)]);
  });
});
