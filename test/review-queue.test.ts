import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Database } from "../src/platform/db/neo4j";
import { ingestReadoutText } from "../src/pipeline/ingest/ingest.service";
import { reextractDocuments } from "../src/pipeline/ingest/reextract.service";
import { projectRoot } from "../src/platform/paths";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { ingestAll } from "./support/readouts";
import { gql } from "./support/server";
import { testServer } from "./support/server";

// The seed and test readouts (one unclassified directive, in the seed), and two readouts written
// for the queue: 2023-02-28, where 市财政局's 统筹推进 and 市教委's 队伍建设 get only their
// report's portfolio, 市教委's 专项整治 only the fallback rule of 整治, and the closing 要狠抓工作落实
// nothing; 2023-03-31, where the extractor warns that it found no shortcomings for 市教委.

const TOKEN = "review-curator-token-for-tests";
const as = { authorization: `Bearer ${TOKEN}` };
const DIR = join(projectRoot, "test", "fixtures", "review-readouts");

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await ingestAll(db);
  for (const name of ["2023-02-28-stand-in-themes", "2023-03-31-warning"])
    await ingestReadoutText(db, readFileSync(join(DIR, `${name}.txt`), "utf8"));
  server = await testServer(db, { curatorTokens: [{ name: "reviewer", token: TOKEN }] });
});

afterAll(async () => {
  await server.close();
  await db.close();
});

async function read(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await gql(server, query, variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const FIELDS = `id text unclassified rejected meeting { id date } evidence { start end quote document { id } }
  themeTags { reason source theme { id } }`;
const QUEUE = `query($first: Int, $after: String) { reviewQueue(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { reasons warnings item { __typename id
    ... on Achievement { ${FIELDS} } ... on Shortcoming { ${FIELDS} } ... on Directive { ${FIELDS} } } } } } }`;

interface Entry {
  reasons: string[];
  warnings: string[];
  item: {
    __typename: string;
    id: string;
    text: string;
    unclassified: boolean;
    rejected: boolean;
    meeting: { id: string; date: string };
    evidence: { start: number; end: number; quote: string; document: { id: string } };
    themeTags: { reason: string; source: string; theme: { id: string } }[];
  };
}

async function queue(first = 100, after: string | null = null) {
  const data = await read(QUEUE, { first, after });
  return data.reviewQueue as {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Entry }[];
  };
}

const entries = async () => (await queue()).edges.map((e) => e.node);
const entryOf = async (text: string) => (await entries()).find((e) => e.item.text === text);

const SET_THEMES = `mutation($id: ID!, $themeIds: [ID!]!) { setItemThemes(id: $id, themeIds: $themeIds, reason: "test: review") { id } }`;
const REJECT = `mutation($id: ID!) { rejectItem(id: $id, reason: "test: review") { id } }`;
const UNDO = `mutation($id: ID!) { undoCorrection(id: $id, reason: "test: review") { id } }`;

describe("reviewQueue", () => {
  it("lists unclassified items, items tagged only by a stand-in and items of documents with warnings, each saying why", async () => {
    const all = await entries();
    // Every entry's reasons agree with what the item itself shows.
    for (const e of all) {
      expect(e.reasons.length).toBeGreaterThan(0);
      expect(e.reasons.includes("UNCLASSIFIED")).toBe(e.item.unclassified);
      expect(e.item.rejected).toBe(false);
      const standIn =
        e.item.themeTags.length > 0 && e.item.themeTags.every((t) => /^(portfolio|context|rule):/.test(t.reason));
      if (e.reasons.includes("FALLBACK_THEME")) expect(standIn).toBe(true);
      expect(e.warnings.length > 0).toBe(e.reasons.includes("EXTRACTION_WARNING"));
    }

    const closing = all.find((e) => e.item.text === "要狠抓工作落实" && e.item.meeting.date === "2023-02-28");
    expect(closing).toMatchObject({
      reasons: ["UNCLASSIFIED"],
      warnings: [],
      item: { __typename: "Directive", themeTags: [] },
    });
    // The seed's unclassified directive is there too; its document's only warning (the count of
    // unclassified items) is said by the item itself, so it is not an extraction warning.
    const seed = all.filter((e) => e.item.meeting.date === "2022-03-31");
    expect(seed).toHaveLength(1);
    expect(seed[0].reasons).toEqual(["UNCLASSIFIED"]);

    const portfolio = await entryOf("统筹推进");
    expect(portfolio).toMatchObject({ reasons: ["FALLBACK_THEME"], warnings: [] });
    expect(portfolio!.item.themeTags).toEqual([
      { reason: "portfolio:市财政局", source: "EXTRACTOR", theme: { id: "public-finance" } },
    ]);
    const rule = await entryOf("专项整治");
    expect(rule!.reasons).toEqual(["FALLBACK_THEME"]);
    expect(rule!.item.themeTags.map((t) => t.reason)).toEqual([expect.stringMatching(/^rule:整治/)]);
    expect((await entryOf("队伍建设"))!.reasons).toEqual(["FALLBACK_THEME"]);
    // An item with a keyword of its own, beside them in the same report, is not.
    expect(await entryOf("工作作风")).toBeUndefined();

    const warned = all.filter((e) => e.item.meeting.date === "2023-03-31");
    expect(warned.map((e) => e.item.text)).toEqual([
      "加强预算管理",
      "财政收入稳步增长",
      "债务管理",
      "推进双减工作",
      "课后服务全面覆盖",
      "要抓好安全生产",
    ]);
    for (const e of warned)
      expect(e).toMatchObject({ reasons: ["EXTRACTION_WARNING"], warnings: ["no shortcomings found for 市教委"] });
    // The document keeps them.
    const doc = await read(`query($id: ID!) { node(id: $id) { ... on Document { extractionWarnings } } }`, {
      id: warned[0].item.evidence.document.id,
    });
    expect(doc.node.extractionWarnings).toEqual(["no shortcomings found for 市教委"]);

    // The test readouts with no stand-ins and no warnings add nothing.
    expect(new Set(all.map((e) => e.item.meeting.date))).toEqual(new Set(["2023-03-31", "2023-02-28", "2022-03-31"]));
    expect(all).toHaveLength(6 + 4 + 1);
  });

  it("orders newest meeting first, then in reading order", async () => {
    const all = await entries();
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1].item, all[i].item];
      expect(a.meeting.date >= b.meeting.date).toBe(true);
      if (a.meeting.id === b.meeting.id) expect(a.evidence.start).toBeLessThan(b.evidence.start);
    }
    expect(all.filter((e) => e.item.meeting.date === "2023-02-28").map((e) => e.item.text)).toEqual([
      "统筹推进",
      "专项整治",
      "队伍建设",
      "要狠抓工作落实",
    ]);
  });

  it("pages by cursor like the other connections, with the total on every page", async () => {
    const whole = await queue(100);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await queue(4, after);
      expect(page.totalCount).toBe(whole.totalCount);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e) => e.node.item.id));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(whole.totalCount / 4));
    expect(seen).toEqual(whole.edges.map((e) => e.node.item.id));
    expect((await queue(0)).edges).toEqual([]);
    const bad = await gql(server, QUEUE, { first: 5, after: "not-a-cursor" });
    expect(bad.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    const big = await gql(server, QUEUE, { first: 101 });
    expect(big.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("leaves out a rejected item, and takes it back when the rejection is undone", async () => {
    const before = await queue();
    const gap = (await entryOf("债务管理"))!;
    const res = await gql(server, REJECT, { id: gap.item.id }, as);
    expect(res.errors).toBeUndefined();
    const after = await queue();
    expect(after.totalCount).toBe(before.totalCount - 1);
    expect(after.edges.map((e) => e.node.item.id)).not.toContain(gap.item.id);
    const undo = await gql(server, UNDO, { id: res.data!.rejectItem.id }, as);
    expect(undo.errors).toBeUndefined();
    expect((await queue()).edges.map((e) => e.node.item.id)).toEqual(before.edges.map((e) => e.node.item.id));
  });

  it("leaves out an item once a curator retags it (unless it stays unclassified), and takes it back on undo", async () => {
    const before = await queue();
    const standIn = (await entryOf("统筹推进"))!;
    const retag = await gql(server, SET_THEMES, { id: standIn.item.id, themeIds: ["party-building"] }, as);
    expect(retag.errors).toBeUndefined();
    expect(await entryOf("统筹推进")).toBeUndefined();
    expect((await queue()).totalCount).toBe(before.totalCount - 1);

    // A warned item retagged leaves too: the curator has looked at it.
    const warned = (await entryOf("推进双减工作"))!;
    const retagWarned = await gql(server, SET_THEMES, { id: warned.item.id, themeIds: ["education"] }, as);
    expect(retagWarned.errors).toBeUndefined();
    expect(await entryOf("推进双减工作")).toBeUndefined();

    // Retagged to no theme at all, an item is still unclassified, and stays for that reason only.
    const cleared = await gql(
      server,
      SET_THEMES,
      { id: (await entryOf("课后服务全面覆盖"))!.item.id, themeIds: [] },
      as,
    );
    expect(cleared.errors).toBeUndefined();
    expect((await entryOf("课后服务全面覆盖"))!.reasons).toEqual(["UNCLASSIFIED"]);

    for (const c of [cleared, retagWarned, retag]) {
      const undo = await gql(server, UNDO, { id: c.data!.setItemThemes.id }, as);
      expect(undo.errors).toBeUndefined();
    }
    expect(await queue()).toEqual(before);
  });

  it("records a document's warnings on re-extraction when it was written before they were kept", async () => {
    const warned = (await entryOf("债务管理"))!;
    const documentId = warned.item.evidence.document.id;
    await db.write(`MATCH (d:Document {id: $documentId}) REMOVE d.extractionWarnings`, { documentId });
    expect(await entryOf("债务管理")).toBeUndefined();
    const run = await reextractDocuments(db, { all: true });
    expect(run.rows.find((r) => r.document === documentId)?.status).toBe("unchanged");
    expect((await entryOf("债务管理"))!.warnings).toEqual(["no shortcomings found for 市教委"]);
  });

  it("is a read: open without a token, and tells a curator who they are", async () => {
    expect((await read(`{ viewer { curator mutationsEnabled } }`)).viewer).toEqual({
      curator: null,
      mutationsEnabled: true,
    });
    expect((await read(`{ viewer { curator } }`, {}, as)).viewer).toEqual({ curator: "reviewer" });
    expect((await read(`{ reviewQueue(first: 1) { totalCount } }`)).reviewQueue.totalCount).toBeGreaterThan(0);
  });
});
