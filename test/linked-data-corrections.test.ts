import * as jsonld from "jsonld";
import { Parser, Quad, Store } from "n3";
import { Database } from "../src/platform/db/neo4j";
import { correctionIri, curatorIri, entityIri } from "../src/model/iri";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { ingestAll } from "./support/readouts";
import { gql, testServer } from "./support/server";

// Curators' corrections as linked data: each a prov:Activity at /id/correction/{id} and in the
// dumps, what it asserts attributed to it, rejected items marked on their own IRI (and out of the
// dumps), and a merged department's old IRI redirecting to the body it went into.

const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS = "http://www.w3.org/2000/01/rdf-schema#";
const XSD = "http://www.w3.org/2001/XMLSchema#";
const PROV = "http://www.w3.org/ns/prov#";
const OWL = "http://www.w3.org/2002/07/owl#";
const FOAF = "http://xmlns.com/foaf/0.1/";
const ALICE = "alice-token-for-linked-data";
const BOB = "bob-token-for-linked-data";

let db: Database;
let server: RunningServer;
let base: string;
let pg: string;
let context: unknown;
let dump: Store;
let dumpTurtle: string;
const c: Record<string, { id: string; targetId: string; at: string; iri: string }> = {};
let ids: { retagged: string; rejected: string; report: string; from: string; into: string };

const parseTurtle = (text: string, format = "text/turtle"): Quad[] => new Parser({ format }).parse(text);
function termKey(t: any): string {
  if (t.termType === "NamedNode") return `<${t.value}>`;
  if (t.termType === "Literal")
    return `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^<${t.datatype.value}>`}`;
  return `_:${t.value}`;
}
const keys = (quads: any[]) =>
  new Set(quads.map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`));

async function documentLoader(url: string) {
  if (url !== `${base}/ns/context.jsonld`) throw new Error(`test document loader: no network for ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: context };
}
const jsonLdQuads = async (doc: unknown): Promise<any[]> =>
  (await jsonld.toRDF(doc as any, { documentLoader: documentLoader as any })) as any[];

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(path.startsWith("http") ? path : `${base}${path}`, { headers, redirect: "manual" });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

async function correct(mutation: string, variables: Record<string, unknown>, token = ALICE) {
  const res = await gql(server, mutation, variables, { authorization: `Bearer ${token}` });
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as { id: string; targetId: string; at: string; iri: string };
}

async function read(query: string, variables: Record<string, unknown> = {}) {
  const res = await gql(server, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function shortcoming(contains: string, day: string) {
  const data = await read(
    `query($c: String!, $day: Date) { shortcomings(contains: $c, from: $day, to: $day) {
       nodes { id report { id } meeting { document { id text } } } } }`,
    { c: contains, day },
  );
  return data.shortcomings.nodes[0];
}

async function departmentId(name: string): Promise<string> {
  const data = await read(`query($c: String!) { departments(contains: $c, first: 100) { nodes { id name } } }`, {
    c: name,
  });
  return data.departments.nodes.find((d: any) => d.name === name).id;
}

const C = `{ id targetId at iri }`;
const objects = (s: string, p: string) => dump.getObjects(s, p, null);
const values = (s: string, p: string) => objects(s, p).map((o) => o.value);

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await ingestAll(db);
  server = await testServer(db, {
    curatorTokens: [
      { name: "alice", token: ALICE },
      { name: "bob", token: BOB },
    ],
  });
  base = server.url;
  pg = `${base}/ns#`;
  context = JSON.parse((await get("/ns/context.jsonld")).body);

  const retag = await shortcoming("三重一大", "2022-03-31");
  const reject = await shortcoming("民生领域投入", "2022-03-31");
  const anchor = await shortcoming("招商引资", "2022-01-28");
  const other = await shortcoming("财源建设", "2022-01-28");
  const start = anchor.meeting.document.text.indexOf("疫情防控工作有力有序");
  const from = await departmentId("大兴区");
  const into = await departmentId("顺义区");
  ids = { retagged: retag.id, rejected: reject.id, report: other.report.id, from, into };
  c.retag = await correct(
    `mutation($id: ID!) { setItemThemes(id: $id, themeIds: ["state-assets", "economic-development"], reason: "about the assets") ${C} }`,
    { id: retag.id },
  );
  c.reject = await correct(
    `mutation($id: ID!) { rejectItem(id: $id, reason: "not a shortcoming") ${C} }`,
    {
      id: reject.id,
    },
    BOB,
  );
  c.add = await correct(`mutation($input: AddItemInput!) { addItem(input: $input) ${C} }`, {
    input: {
      documentId: anchor.meeting.document.id,
      kind: "SHORTCOMING",
      start,
      end: start + "疫情防控工作".length,
      reportId: anchor.report.id,
      themeIds: ["epidemic-control"],
      reason: "the chair's words imply a gap",
    },
  });
  // 顺义区's own report goes to 石景山区; then 大兴区 is merged into 顺义区.
  c.assign = await correct(
    `mutation($r: ID!, $d: ID!) { assignReport(reportId: $r, departmentId: $d, reason: "石景山区 spoke here") ${C} }`,
    { r: other.report.id, d: await departmentId("石景山区") },
  );
  c.merge = await correct(
    `mutation($f: ID!, $i: ID!) { mergeDepartments(fromId: $f, intoId: $i, reason: "one district") ${C} }`,
    { f: from, i: into },
    BOB,
  );
  c.tryout = await correct(
    `mutation($id: ID!) { setItemThemes(id: $id, themeIds: ["party-building"], reason: "a try") ${C} }`,
    { id: other.id },
  );
  c.undo = await correct(`mutation($id: ID!) { undoCorrection(id: $id, reason: "the try was wrong") ${C} }`, {
    id: c.tryout.id,
  });
  dumpTurtle = (await get("/dump.ttl")).body;
  dump = new Store(parseTurtle(dumpTurtle));
}, 120_000);

afterAll(async () => {
  await server.close();
  await db.close();
});

describe("corrections in the dump", () => {
  it("are prov:Activity nodes: the curator, the time as xsd:dateTime, the reason, the kind", async () => {
    const kinds: Record<string, string> = {
      retag: "SET_ITEM_THEMES",
      reject: "REJECT_ITEM",
      add: "ADD_ITEM",
      assign: "ASSIGN_REPORT",
      merge: "MERGE_DEPARTMENTS",
      tryout: "SET_ITEM_THEMES",
      undo: "UNDO",
    };
    const log = await db.read<{ id: string; author: string; reason: string }>(
      "MATCH (c:Correction) RETURN c.id AS id, c.author AS author, c.reason AS reason",
    );
    expect(log).toHaveLength(7);
    for (const [name, kind] of Object.entries(kinds)) {
      const s = correctionIri(base, c[name].id);
      expect(c[name].iri).toBe(s);
      const row = log.find((r) => r.id === c[name].id)!;
      expect(values(s, `${RDF}type`).sort()).toEqual([`${PROV}Activity`, `${pg}Correction`].sort());
      expect(values(s, `${pg}correctionKind`)).toEqual([kind]);
      expect(values(s, `${PROV}wasAssociatedWith`)).toEqual([curatorIri(base, row.author)]);
      expect(objects(s, `${PROV}endedAtTime`).map(termKey)).toEqual([`"${c[name].at}"^^<${XSD}dateTime>`]);
      expect(values(s, `${pg}reason`)).toEqual([row.reason]);
    }
    for (const name of ["alice", "bob"]) {
      const agent = curatorIri(base, name);
      expect(values(agent, `${RDF}type`)).toContain(`${PROV}Agent`);
      expect(values(agent, `${FOAF}name`)).toEqual([name]);
    }
    expect(dumpTurtle).not.toMatch(/token-for-linked-data/);
  });

  it("link each correction to what it used, and attribute what it asserts to it", async () => {
    const item = (type: string, id: string) => entityIri(base, type as any, id);
    // A retag: the item it used and the themes; the item's curator tags were generated by it.
    const retagged = item("Shortcoming", ids.retagged);
    expect(values(correctionIri(base, c.retag.id), `${PROV}used`)).toEqual([retagged]);
    expect(values(correctionIri(base, c.retag.id), `${pg}theme`).sort()).toEqual(
      [item("PolicyTheme", "state-assets"), item("PolicyTheme", "economic-development")].sort(),
    );
    const tags = values(retagged, `${pg}themeTag`);
    expect(tags).toHaveLength(2);
    for (const tag of tags) expect(values(tag, `${PROV}wasGeneratedBy`)).toEqual([correctionIri(base, c.retag.id)]);
    // An added item was generated by its correction, which used the document and report.
    const added = item("Shortcoming", c.add.targetId);
    expect(values(added, `${PROV}wasGeneratedBy`)).toEqual([correctionIri(base, c.add.id)]);
    expect(values(values(added, `${pg}themeTag`)[0], `${PROV}wasGeneratedBy`)).toEqual([correctionIri(base, c.add.id)]);
    // Every other tag is the extractor's: generated by no correction.
    const curated = dump
      .getQuads(null, `${pg}themeTag`, null, null)
      .filter((q) => objects(q.object.value, `${PROV}wasGeneratedBy`).length > 0)
      .map((q) => q.subject.value);
    expect(new Set(curated)).toEqual(new Set([retagged, added]));
    expect(values(correctionIri(base, c.add.id), `${PROV}generated`)).toEqual([added]);

    // A reassigned report names the correction; the correction names the body.
    const report = item("Report", ids.report);
    expect(values(report, `${pg}assignedBy`)).toEqual([correctionIri(base, c.assign.id)]);
    expect(values(correctionIri(base, c.assign.id), `${PROV}used`)).toEqual([report]);
    const shijingshan = values(correctionIri(base, c.assign.id), `${pg}assignedTo`);
    expect(dump.getSubjects(`${pg}gave`, report, null).map((s) => s.value)).toEqual(shijingshan);

    // A merge used both bodies.
    const m = correctionIri(base, c.merge.id);
    expect(values(m, `${pg}mergedFrom`)).toEqual([item("Department", ids.from)]);
    expect(values(m, `${pg}mergedInto`)).toEqual([item("Department", ids.into)]);

    // The undo used the correction it took back, which is marked invalidated by it.
    const tryout = correctionIri(base, c.tryout.id);
    expect(values(correctionIri(base, c.undo.id), `${PROV}used`)).toEqual([tryout]);
    expect(values(tryout, `${PROV}wasInvalidatedBy`)).toEqual([correctionIri(base, c.undo.id)]);
    expect(values(tryout, `${pg}undone`)).toEqual(["true"]);
    expect(values(correctionIri(base, c.retag.id), `${pg}undone`)).toEqual(["false"]);
  });

  it("leave the rejected item out, as every export does, while the rejection names it", async () => {
    const rejected = entityIri(base, "Shortcoming", ids.rejected);
    expect(dump.getQuads(rejected, null, null, null)).toEqual([]);
    expect(values(correctionIri(base, c.reject.id), `${PROV}used`)).toEqual([rejected]);
  });

  it("carry owl:sameAs from the merged body's old IRI to the body it went into", async () => {
    const old = entityIri(base, "Department", ids.from);
    expect(values(old, `${OWL}sameAs`)).toEqual([entityIri(base, "Department", ids.into)]);
    expect(values(old, `${RDF}type`)).toEqual([]);
  });

  it("declares in /ns every project class and property it uses, and states the same triples as JSON-LD", async () => {
    const vocab = new Store(parseTurtle((await get("/ns", { accept: "text/turtle" })).body));
    const used = new Set<string>();
    for (const q of dump.getQuads(null, null, null, null)) {
      if (q.predicate.value.startsWith(pg)) used.add(q.predicate.value);
      if (q.predicate.value === `${RDF}type` && q.object.value.startsWith(pg)) used.add(q.object.value);
    }
    for (const term of [`${pg}Correction`, `${pg}Curator`, `${pg}assignedBy`, `${pg}mergedFrom`, `${pg}undone`])
      expect(used).toContain(term);
    for (const term of used)
      expect([term, vocab.getObjects(term, `${RDF}type`, null).length > 0]).toEqual([term, true]);

    const doc = JSON.parse((await get("/dump.jsonld")).body);
    expect(keys(await jsonLdQuads(doc))).toEqual(keys(dump.getQuads(null, null, null, null)));
    const node = doc["@graph"].find((n: any) => n.id === correctionIri(base, c.retag.id));
    expect(node).toMatchObject({ endedAtTime: c.retag.at, wasAssociatedWith: curatorIri(base, "alice") });
  });
});

describe("correction and curator IRIs", () => {
  it("answer in every format with the correction's description, labelling what it names", async () => {
    const path = `/id/correction/${c.assign.id}`;
    const ttl = await get(path, { accept: "text/turtle" });
    expect(ttl.status).toBe(200);
    const quads = new Store(parseTurtle(ttl.body));
    const s = correctionIri(base, c.assign.id);
    expect(quads.getObjects(s, `${RDF}type`, null).map((o) => o.value)).toContain(`${PROV}Activity`);
    expect(quads.getObjects(entityIri(base, "Report", ids.report), `${RDFS}label`, null)).toHaveLength(1);
    const fromTurtle = keys(parseTurtle(ttl.body));
    expect(keys(await jsonLdQuads(JSON.parse((await get(path)).body)))).toEqual(fromTurtle);
    expect(keys(parseTurtle((await get(`${path}?format=nt`)).body, "application/n-triples"))).toEqual(fromTurtle);
    const html = await get(path, { accept: "text/html" });
    expect(html.status).toBe(200);
    expect(html.body).toContain("石景山区 spoke here");
    expect(html.body).not.toMatch(/token-for-linked-data/);
  });

  it("404 for a correction or curator the graph does not hold", async () => {
    expect((await get("/id/correction/corr-0000000000000000", { accept: "application/json" })).status).toBe(404);
    expect((await get("/id/curator/nobody", { accept: "text/turtle" })).status).toBe(404);
  });

  it("serve a curator as a prov:Agent with their corrections", async () => {
    const res = await get("/id/curator/bob", { accept: "text/turtle" });
    expect(res.status).toBe(200);
    const quads = new Store(parseTurtle(res.body));
    expect(quads.getObjects(curatorIri(base, "bob"), `${FOAF}name`, null).map((o) => o.value)).toEqual(["bob"]);
    expect(
      quads
        .getSubjects(`${PROV}wasAssociatedWith`, curatorIri(base, "bob"), null)
        .map((s) => s.value)
        .sort(),
    ).toEqual([correctionIri(base, c.reject.id), correctionIri(base, c.merge.id)].sort());
  });
});

describe("rejected items and merged departments on their own IRIs", () => {
  it("a rejected item still answers, marked rejected with the rejecting correction", async () => {
    const res = await get(`/id/shortcoming/${ids.rejected}`, { accept: "text/turtle" });
    expect(res.status).toBe(200);
    const quads = new Store(parseTurtle(res.body));
    const s = entityIri(base, "Shortcoming", ids.rejected);
    expect(quads.getObjects(s, `${pg}rejected`, null).map(termKey)).toEqual([`"true"^^<${XSD}boolean>`]);
    expect(quads.getObjects(s, `${pg}rejectedBy`, null).map((o) => o.value)).toEqual([
      correctionIri(base, c.reject.id),
    ]);
    const other = new Store(
      parseTurtle((await get(`/id/shortcoming/${ids.retagged}`, { accept: "text/turtle" })).body),
    );
    expect(other.getQuads(null, `${pg}rejected`, null, null)).toEqual([]);
  });

  it("a merged department's old IRI answers 301 to the new one, in every format", async () => {
    const old = `/id/department/${ids.from}`;
    const target = entityIri(base, "Department", ids.into);
    for (const accept of [
      "application/ld+json",
      "application/json",
      "text/turtle",
      "application/n-triples",
      "text/html",
    ]) {
      const res = await get(old, { accept });
      expect([accept, res.status, res.headers.get("location")]).toEqual([accept, 301, target]);
    }
    const res = await get(`${old}?format=ttl`);
    expect([res.status, res.headers.get("location")]).toEqual([301, `${target}?format=ttl`]);
    const followed = await fetch(`${base}${old}`, { headers: { accept: "text/turtle" } });
    expect(followed.status).toBe(200);
    expect(await followed.text()).toContain("顺义区");
    expect((await get("/id/department/never-a-department")).status).toBe(404);
  });
});
