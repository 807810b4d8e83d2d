import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser, Store } from "n3";
import { Database } from "../src/platform/db/neo4j";
import { ingestReadoutText } from "../src/pipeline/ingest/ingest.service";
import { seedIfEmpty } from "../src/pipeline/ingest/seed";
import { entityIri } from "../src/model/iri";
import { projectRoot } from "../src/platform/paths";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { gql, testServer } from "./support/server";

// District readouts written for these tests: two meetings of 通州区 and one of 怀柔区, each with a 区科委.
const DIR = join(projectRoot, "test", "fixtures", "district-readouts");
const ORG = "http://www.w3.org/ns/org#";

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await seedIfEmpty(db);
  for (const file of readdirSync(DIR).sort()) {
    const outcome = await ingestReadoutText(db, readFileSync(join(DIR, file), "utf8"));
    expect(outcome.status).toBe("created");
  }
  server = await testServer(db);
}, 120_000);

afterAll(async () => {
  await server.close();
  await db.close();
});

const PART = "id name fullName aliases kind curated parent { id name parent { id } }";

describe("district-scoped bodies", () => {
  it("makes two districts' 区科委 two nodes, each under its district, and one district's across meetings one", async () => {
    const res = await gql(
      server,
      `{ departments(contains: "区科委", first: 10) { totalCount nodes { ${PART} reports { subject meeting { date } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.departments.nodes;
    const byName = Object.fromEntries(nodes.map((d: any) => [d.name, d]));
    expect(Object.keys(byName).sort()).toEqual(["怀柔区科委", "通州区科委"]);
    expect(byName["通州区科委"]).toMatchObject({
      aliases: ["区科委"],
      kind: "DISTRICT_DEPARTMENT",
      parent: { id: "tongzhou-district", name: "通州区", parent: { id: "beijing" } },
    });
    expect(byName["通州区科委"].reports.map((r: any) => [r.subject, r.meeting.date])).toEqual([
      ["区科委", "2024-04-29"],
      ["区科委", "2024-03-29"],
    ]);
    expect(byName["怀柔区科委"].parent.id).toBe("huairou-district");
    expect(byName["怀柔区科委"].reports).toHaveLength(1);
  });

  it("lists a district's bodies once each as its parts, and filters departments by parent", async () => {
    const res = await gql(
      server,
      `{ d: department(id: "tongzhou-district") { parts { name kind } }
         f: departments(parentId: "tongzhou-district", first: 20) { totalCount nodes { name } } }`,
    );
    expect(res.errors).toBeUndefined();
    const parts = res.data!.d.parts.map((p: any) => `${p.name}:${p.kind}`);
    expect(parts.sort()).toEqual(
      ["宋庄镇:TOWN", "永乐店镇:TOWN", "通州区委教育工委:DISTRICT_DEPARTMENT", "通州区科委:DISTRICT_DEPARTMENT"].sort(),
    );
    expect(res.data!.f.totalCount).toBe(4);
  });

  it("records each meeting's host, and keeps the city's bodies under Beijing", async () => {
    const res = await gql(
      server,
      `{ meetings(first: 10) { nodes { date host { id name kind } } }
         drc: department(id: "development-reform-commission") { parent { id name kind } } }`,
    );
    expect(res.errors).toBeUndefined();
    const hosts = res.data!.meetings.nodes.map((m: any) => [m.date, m.host?.id]);
    expect(hosts).toEqual([
      ["2024-04-29", "tongzhou-district"],
      ["2024-03-29", "tongzhou-district"],
      ["2024-03-28", "huairou-district"],
      ["2022-03-31", "beijing"],
    ]);
    expect(res.data!.drc.parent).toEqual({ id: "beijing", name: "北京市", kind: "CITY" });
  });

  it("states the part-of links and the host in linked data", async () => {
    const [{ id }] = await db.read<{ id: string }>("MATCH (d:Department {name: '通州区科委'}) RETURN d.id AS id");
    const iri = entityIri(server.url, "Department", id);
    const res = await fetch(iri, { headers: { accept: "text/turtle" } });
    expect(res.status).toBe(200);
    const store = new Store(new Parser({ format: "text/turtle", baseIRI: iri }).parse(await res.text()));
    expect(store.getObjects(iri, `${ORG}subOrganizationOf`, null).map((o) => o.value)).toEqual([
      entityIri(server.url, "Department", "tongzhou-district"),
    ]);
    const district = entityIri(server.url, "Department", "tongzhou-district");
    const dres = await fetch(district, { headers: { accept: "text/turtle" } });
    const dstore = new Store(new Parser({ format: "text/turtle", baseIRI: district }).parse(await dres.text()));
    expect(dstore.getObjects(district, `${ORG}hasSubOrganization`, null).map((o) => o.value)).toContain(iri);
    expect(dstore.getSubjects(`${server.url}/ns#heldBy`, district, null)).toHaveLength(2);
  });
});
