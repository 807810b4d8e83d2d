import * as jsonld from "jsonld";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { runExport } from "../src/cli/export.command";
import { Database } from "../src/platform/db/neo4j";
import { graphCounts, resetGraph, testDatabase } from "./support/graph";
import { ingestAll } from "./support/readouts";
import { cliUsesTestNeo4j, testConnection } from "./support/test-neo4j";
import { captureOutput } from "./support/output";

const ENTITY_FILES: Record<string, string> = {
  Department: "departments",
  Meeting: "meetings",
  Person: "people",
  Report: "reports",
  Achievement: "achievements",
  Shortcoming: "shortcomings",
  Directive: "directives",
  PolicyTheme: "themes",
  Document: "documents",
};
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

let db: Database;
let dir: string;
const output = captureOutput();
const savedEnv = { ...process.env };

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error("CSV does not end with CRLF");
  return rows;
}

function readCsv(file: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, file), "utf8"));
  for (const r of rows) expect(r).toHaveLength(header.length);
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

const tripleKey = (q: any) =>
  [q.subject, q.predicate, q.object]
    .map((t: any) =>
      t.termType === "Literal"
        ? `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^${t.datatype.value}`}`
        : `<${t.value}>`,
    )
    .join(" ");

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await ingestAll(db);
  cliUsesTestNeo4j();
  delete process.env.PUBLIC_BASE_URL;
  delete process.env.PORT;
  dir = mkdtempSync(join(tmpdir(), "pg-export-"));
});

afterAll(async () => {
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
  await db.close();
});

describe("policygraph export --format csv", () => {
  let counts: Record<string, number>;
  beforeAll(async () => {
    counts = await graphCounts(db);
  });

  it("writes one file per entity and relationship type whose rows are the graph's", async () => {
    expect(await runExport(["--format", "csv", "--out", dir])).toBe(0);
    expect(output.err).toMatch(/wrote 23 CSV files/);
    // Entities only: tallies and maintenance markers are derived bookkeeping, not part of the export.
    const labels = (
      await db.read<{ label: string }>(
        "MATCH (n:Entity) UNWIND labels(n) AS label WITH DISTINCT label WHERE label <> 'Entity' RETURN label",
      )
    ).map((r) => r.label);
    const types = Object.keys(counts).filter((k) => k.startsWith(":"));
    expect(labels.sort()).toEqual(Object.keys(ENTITY_FILES).sort());
    for (const label of labels) {
      const { header, rows } = readCsv(`${ENTITY_FILES[label]}.csv`);
      expect(header.slice(0, 2)).toEqual(["id", "iri"]);
      expect([label, rows.length]).toEqual([label, counts[label]]);
      const ids = (await db.read<{ id: string }>(`MATCH (n:${label}) RETURN n.id AS id ORDER BY n.id`)).map(
        (r) => r.id,
      );
      expect(rows.map((r) => r.id)).toEqual(ids);
      expect(rows[0].iri).toMatch(/^http:\/\/localhost:4000\/id\/[a-z]+\//);
    }
    for (const type of types) {
      const { header, rows } = readCsv(`${type.slice(1).toLowerCase()}.csv`);
      expect(header.slice(0, 2)).toEqual(["from_id", "to_id"]);
      expect([type, rows.length]).toEqual([type, counts[type]]);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith(".csv"))).toHaveLength(23);
  });

  it("keeps values exact: quoted document bodies, rank and reason of ABOUT, lists, dates", async () => {
    const docs = readCsv("documents.csv").rows;
    const bodies = await db.read<{ id: string; text: string }>("MATCH (d:Document) RETURN d.id AS id, d.text AS text");
    expect(bodies.some((b) => /[\n",]/.test(b.text))).toBe(true);
    for (const b of bodies) expect(docs.find((d) => d.id === b.id)!.text).toBe(b.text);

    const about = readCsv("about.csv");
    expect(about.header).toEqual(["from_id", "to_id", "rank", "reason"]);
    const [tag] = await db.read<{ from: string; to: string; rank: number; reason: string }>(
      "MATCH (x:Shortcoming)-[a:ABOUT]->(t:PolicyTheme {id: 'party-building'}) RETURN x.id AS from, t.id AS to, a.rank AS rank, a.reason AS reason ORDER BY x.id LIMIT 1",
    );
    expect(about.rows.find((r) => r.from_id === tag.from && r.to_id === tag.to)).toEqual({
      from_id: tag.from,
      to_id: tag.to,
      rank: String(tag.rank),
      reason: tag.reason,
    });

    const departments = readCsv("departments.csv").rows;
    const srcb = departments.find((d) => d.id === "state-owned-assets-commission")!;
    expect(srcb).toMatchObject({ name: "市国资委", kind: "municipal-department", curated: "true" });
    expect(srcb.aliases.split("|")).toContain("市政府国资委");
    const meetings = readCsv("meetings.csv").rows;
    expect(meetings.map((m) => m.date).sort()).toEqual(["2021-06-30", "2022-01-28", "2022-03-31", "2022-05-31"]);
    expect(readCsv("chaired.csv").header).toEqual(["from_id", "to_id", "order"]);
  });
});

describe("policygraph export --format ttl|jsonld", () => {
  it("prints Turtle on stdout with IRIs under http://localhost:4000 by default", async () => {
    expect(await runExport(["--format", "ttl"])).toBe(0);
    const quads = new Parser().parse(output.out);
    const meetings = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value.endsWith("/ns#Meeting"));
    expect(meetings.map((q) => q.subject.value.replace(/[^/]+$/, ""))).toEqual(
      Array(4).fill("http://localhost:4000/id/meeting/"),
    );
    expect(output.err).toMatch(/exported \d+ entities \(\d+ triples\)/);
  });

  it("writes a standalone JSON-LD file (context inline) under PUBLIC_BASE_URL, the same triples as Turtle", async () => {
    process.env.PUBLIC_BASE_URL = "https://data.example.org/pg/";
    try {
      expect(await runExport(["--format=jsonld", `--out=${join(dir, "ld")}`])).toBe(0);
      expect(await runExport(["--format", "ttl", "--out", join(dir, "ld")])).toBe(0);
    } finally {
      delete process.env.PUBLIC_BASE_URL;
    }
    expect(output.out).toBe("");
    const doc = JSON.parse(readFileSync(join(dir, "ld", "policygraph.jsonld"), "utf8"));
    expect(typeof doc["@context"]).toBe("object");
    const noNetwork = async (url: string) => {
      throw new Error(`no network: ${url}`);
    };
    const fromJsonLd = (await jsonld.toRDF(doc, { documentLoader: noNetwork as any })) as any[];
    const fromTurtle = new Parser().parse(readFileSync(join(dir, "ld", "policygraph.ttl"), "utf8"));
    expect(fromTurtle.length).toBeGreaterThan(1000);
    expect(new Set(fromJsonLd.map(tripleKey))).toEqual(new Set(fromTurtle.map(tripleKey)));
    expect(fromTurtle.every((q) => !q.subject.value.startsWith("http://localhost"))).toBe(true);
    expect(fromTurtle.some((q) => q.subject.value.startsWith("https://data.example.org/pg/id/"))).toBe(true);
  });
});

describe("policygraph export: usage and failures", () => {
  it.each([
    [[], /--format is required/],
    [["--format"], /--format needs a value/],
    [["--format", "xml"], /unknown format "xml"/],
    [["--format", "csv"], /--format csv needs --out DIR/],
    [["--format", "ttl", "--frobnicate"], /unknown option --frobnicate/],
    [["--format", "ttl", "extra"], /unexpected argument "extra"/],
  ])("exits 2 with one line for %j", async (args, message) => {
    expect(await runExport(args)).toBe(2);
    expect(output.err.trim().split("\n")).toHaveLength(1);
    expect(output.err).toMatch(message);
    expect(output.out).toBe("");
  });

  it("exits 2 when --out names a file", async () => {
    const file = join(dir, "not-a-dir");
    writeFileSync(file, "x");
    expect(await runExport(["--format", "csv", "--out", file])).toBe(2);
    expect(output.err).toMatch(/is a file, not a directory/);
  });

  it("exits 1 with one line when the output cannot be written", async () => {
    mkdirSync(join(dir, "blocked", "policygraph.ttl.partial", "x"), { recursive: true });
    expect(await runExport(["--format", "ttl", "--out", join(dir, "blocked")])).toBe(1);
    expect(output.err.trim().split("\n").at(-1)).toMatch(
      /^policygraph export: export failed: cannot write the output: .*EISDIR/,
    );
    expect(existsSync(join(dir, "blocked", "policygraph.ttl.partial", "x"))).toBe(true);
    expect(existsSync(join(dir, "blocked", "policygraph.ttl"))).toBe(false);
  });

  it("exits 3 with one line when the database cannot be reached", async () => {
    process.env.NEO4J_URI = "bolt://127.0.0.1:1";
    process.env.NEO4J_CONNECT_TIMEOUT = "1";
    try {
      expect(await runExport(["--format", "csv", "--out", join(dir, "never")])).toBe(3);
    } finally {
      process.env.NEO4J_URI = testConnection().uri;
    }
    expect(output.err.trim().split("\n").at(-1)).toMatch(/^policygraph export: cannot reach the database: /);
    expect(existsSync(join(dir, "never"))).toBe(false);
  });
});
