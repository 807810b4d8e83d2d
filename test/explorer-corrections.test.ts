import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import { Database } from "../src/platform/db/neo4j";
import { explorerIndex } from "../src/outputs/web-shell/web-shell";
import { projectRoot } from "../src/platform/paths";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { ingestAll } from "./support/readouts";
import { gql, testServer } from "./support/server";

// Functions given to page.evaluate run in the browser, whose globals these stand for.
declare const document: any, window: any, NodeFilter: any;

// Curators' corrections in the built explorer, driven in Debian's Chromium against the in-process
// service over a real Neo4j holding the seed and the test readouts (see test/explorer.test.ts).
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"];
const SHOTS = join(projectRoot, "test-output", "explorer");
const TOKEN = "alice-explorer-token-for-tests";
const BOB = "bob-explorer-token-for-tests";

let db: Database;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: set CHROMIUM_PATH`);
  if (!explorerIndex()) throw new Error("The explorer is not built: run `npm run build` first");
  mkdirSync(SHOTS, { recursive: true });
  db = testDatabase();
  await resetGraph(db);
  await ingestAll(db);
  server = await testServer(db, {
    curatorTokens: [
      { name: "alice", token: TOKEN },
      { name: "bob", token: BOB },
    ],
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

afterEach(async () => {
  await context.close();
  expect(pageErrors.splice(0)).toEqual([]);
});

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const settled = () => page.waitForFunction(() => !document.body.hasAttribute("aria-busy"));
const headingHas = (text: string) => page.locator("main h1", { hasText: text }).waitFor();

async function read(query: string, variables: Record<string, unknown> = {}) {
  const res = await gql(server, query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const TAGS = `themes { id } themeTags { theme { id } source reason }
  corrections { id kind author reason undone }`;

async function item(id: string) {
  const data = await read(
    `query($id: ID!) { node(id: $id) { __typename ... on Shortcoming { text rejected ${TAGS} evidence { start end quote } }
       ... on Achievement { text rejected ${TAGS} evidence { start end quote } report { id } } } }`,
    { id },
  );
  return data.node;
}

/** The one shortcoming of the 2022-05-31 readout whose text contains `contains`. */
async function shortcomingId(contains: string): Promise<string> {
  const data = await read(
    `query($c: String!) { shortcomings(contains: $c, from: "2022-05-31", to: "2022-05-31") { nodes { id } } }`,
    { c: contains },
  );
  expect(data.shortcomings.nodes).toHaveLength(1);
  return data.shortcomings.nodes[0].id;
}

/** Signs in on the curator page with `token`, as a curator would. */
async function signIn(token = TOKEN) {
  await page.goto(`${server.url}/curator`);
  await settled();
  await page.fill('input[name="curator-token"]', token);
  await page.press('input[name="curator-token"]', "Enter");
  await page.locator(".curator-name").first().waitFor();
}

const itemPage = async (id: string) => {
  await page.goto(`${server.url}/id/shortcoming/${encodeURIComponent(id)}`);
  await settled();
};

/** Fills a correction form's reason and submits it; waits for the page to render again. */
async function submit(form: ReturnType<Page["locator"]>, reason: string) {
  await form.locator('input[name="reason"]').fill(reason);
  await form.locator('button[type="submit"]').click();
}

/** Selects `phrase` in the page's readout, as a mouse would: by DOM text nodes, not offsets. */
function selectInReadout(phrase: string) {
  return page.evaluate((p: string) => {
    const readout = document.querySelector(".readout");
    const walker = document.createTreeWalker(readout, NodeFilter.SHOW_TEXT);
    const nodes: [any, number][] = [];
    let text = "";
    while (walker.nextNode()) {
      nodes.push([walker.currentNode, text.length]);
      text += walker.currentNode.data;
    }
    const at = text.indexOf(p);
    if (at < 0) throw new Error(`not in the readout: ${p}`);
    const point = (pos: number, isEnd: boolean) => {
      const hit = nodes.find(([n, s]) =>
        isEnd ? pos > s && pos <= s + n.data.length : pos >= s && pos < s + n.data.length,
      );
      return [hit![0], pos - hit![1]] as const;
    };
    const range = document.createRange();
    range.setStart(...point(at, false));
    range.setEnd(...point(at + p.length, true));
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }, phrase);
}

describe("corrections in the explorer", () => {
  it("signs a curator in with the token kept for the session and never shown, and out again", async () => {
    await page.goto(`${server.url}/curator`);
    await settled();
    await page.fill('input[name="curator-token"]', "not-a-curator-token");
    await page.press('input[name="curator-token"]', "Enter");
    await page.locator('.form-status [role="alert"]').waitFor();
    expect(await page.evaluate(() => window.sessionStorage.getItem("policygraph.curatorToken"))).toBeNull();

    await signIn();
    expect(await page.evaluate(() => window.sessionStorage.getItem("policygraph.curatorToken"))).toBe(TOKEN);
    await expect(page.locator("#nav .curator-name").textContent()).resolves.toContain("alice");
    expect(await page.content()).not.toContain(TOKEN);
    expect(await page.locator('input[name="curator-token"]').count()).toBe(0);

    await page.locator("#nav button.sign-out").click();
    await page.locator('#nav a[href="/curator"]', { hasText: "审核员登录" }).waitFor();
    expect(await page.evaluate(() => window.sessionStorage.getItem("policygraph.curatorToken"))).toBeNull();
  });

  it("retags from the item page and undoes it: the item's themes are the extractor's again", async () => {
    const id = await shortcomingId("財會監督");
    const before = await item(id);
    expect(before.themeTags.every((tag: any) => tag.source === "EXTRACTOR")).toBe(true);
    await signIn();
    await itemPage(id);

    // The same themes again is refused by the API: its code and message are shown as they are.
    const retag = page.locator("form.retag");
    await page.locator("details.retag summary").click();
    await submit(retag, "test: nothing changes");
    await expect(retag.locator(".error code").textContent()).resolves.toBe("BAD_USER_INPUT");

    for (const theme of before.themeTags) await retag.locator(`input[value="${theme.theme.id}"]`).uncheck();
    await retag.locator('input[value="livelihood"]').check();
    await retag.locator('input[value="party-building"]').check();
    await submit(retag, "test: retag in the explorer");
    await page.locator('table.tags tr[data-source="CURATOR"]').first().waitFor();
    const retagged = await item(id);
    expect(retagged.themes.map((x: any) => x.id)).toEqual(["livelihood", "party-building"]);
    expect(retagged.themeTags.every((tag: any) => tag.source === "CURATOR")).toBe(true);
    expect(retagged.corrections[0]).toMatchObject({ kind: "SET_ITEM_THEMES", author: "alice" });
    const entry = page.locator('ol.corrections > li[data-kind="SET_ITEM_THEMES"]');
    await expect(entry.locator(".author").textContent()).resolves.toBe("alice");
    await expect(entry.locator(".reason").textContent()).resolves.toBe("test: retag in the explorer");
    await shot("correction-retag");

    await submit(entry.locator("form.undo"), "test: undo in the explorer");
    await page.locator('ol.corrections > li.undone[data-kind="SET_ITEM_THEMES"]').waitFor();
    const undone = await item(id);
    expect(undone.themes).toEqual(before.themes);
    expect(undone.themeTags).toEqual(before.themeTags);
    // The item's own corrections: the retag, now undone (the undo's target is the retag).
    expect(undone.corrections.map((c: any) => [c.kind, c.undone])).toEqual([["SET_ITEM_THEMES", true]]);
    expect(await page.locator('table.tags tr[data-source="CURATOR"]').count()).toBe(0);
    await expect(page.locator("ol.corrections .undone-by").textContent()).resolves.toContain("alice");
  });

  it("adds a missed item by selecting its text in the readout view", async () => {
    const { meetings } = await read(
      `{ meetings(from: "2022-05-31", to: "2022-05-31") { nodes { document { id text } reports { id subject } } } }`,
    );
    const { document: doc, reports } = meetings.nodes[0];
    const report = reports.find((r: any) => r.subject === "市發展改革委");
    await signIn();
    await page.goto(`${server.url}/id/document/${encodeURIComponent(doc.id)}`);
    await settled();
    await expect(page.locator(".readout").textContent()).resolves.toBe(doc.text);

    // A selection across sentences maps to the offsets of the stored text too.
    const across = "蔡奇一一點評。市發展改革委";
    await selectInReadout(across);
    await page.waitForFunction(
      (start: number) => document.querySelector("blockquote.selection")?.dataset.start === String(start),
      doc.text.indexOf(across),
    );
    await expect(page.locator("blockquote.selection").getAttribute("data-end")).resolves.toBe(
      String(doc.text.indexOf(across) + across.length),
    );

    const phrase = "深化「放管服」改革";
    const start = doc.text.indexOf(phrase);
    await selectInReadout(phrase);
    await page.waitForFunction(
      (s: number) => document.querySelector("blockquote.selection")?.dataset.start === String(s),
      start,
    );
    await expect(page.locator("blockquote.selection").textContent()).resolves.toBe(phrase);
    const form = page.locator("form.add");
    await form.locator('select[name="kind"]').selectOption("ACHIEVEMENT");
    await form.locator('select[name="reportId"]').selectOption(report.id);
    await form.locator('input[value="business-environment"]').check();
    await shot("correction-add");
    await submit(form, "test: add by selection");
    await headingHas(phrase);
    const added = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    expect(new URL(page.url()).pathname).toMatch(/^\/id\/achievement\//);

    const node = await item(added);
    expect(node).toMatchObject({
      __typename: "Achievement",
      text: phrase,
      evidence: { start, end: start + phrase.length, quote: phrase },
      report: { id: report.id },
      themes: [{ id: "business-environment" }],
    });
    expect(doc.text.slice(node.evidence.start, node.evidence.end)).toBe(phrase);
    expect(node.corrections[0]).toMatchObject({ kind: "ADD_ITEM", author: "alice", reason: "test: add by selection" });
  });

  it("shows a visitor without a token each correction's author, time and reason, and no action", async () => {
    const id = await shortcomingId("幹部監督");
    const res = await gql(
      server,
      `mutation($id: ID!) { rejectItem(id: $id, reason: "test: a visitor sees why") { id at } }`,
      { id },
      { authorization: `Bearer ${BOB}` },
    );
    expect(res.errors).toBeUndefined();
    await itemPage(id);
    await page.locator("ol.corrections > li").first().waitFor();
    const entry = page.locator('ol.corrections > li[data-kind="REJECT_ITEM"]');
    await expect(entry.locator(".author").textContent()).resolves.toBe("bob");
    await expect(entry.locator(".reason").textContent()).resolves.toBe("test: a visitor sees why");
    await expect(entry.locator("time").getAttribute("datetime")).resolves.toBe(res.data!.rejectItem.at);
    await page.locator(".rejected-note").waitFor();
    expect(await page.locator("main form, main details.retag, main details.reject").count()).toBe(0);
    await expect(page.locator("#nav .curator-status a").getAttribute("href")).resolves.toBe("/curator");
    await shot("correction-visitor");

    // The review page is a read too: entries and why, no forms.
    await page.goto(`${server.url}/review`);
    await page.locator("ol.review > li").first().waitFor();
    await expect(page.locator('ol.review [data-reason="UNCLASSIFIED"]').count()).resolves.toBeGreaterThan(0);
    expect(await page.locator("ol.review form").count()).toBe(0);
  });

  it("lists the review queue with actions inline for a curator: a retagged entry leaves it", async () => {
    const { reviewQueue } = await read(`{ reviewQueue(first: 100) { totalCount nodes { item { id } reasons } } }`);
    const target = reviewQueue.nodes.find((e: any) => e.reasons.includes("UNCLASSIFIED")).item.id;
    await signIn();
    await page.goto(`${server.url}/review`);
    await settled();
    await headingHas(`(${reviewQueue.totalCount})`);
    const entry = page.locator(`ol.review > li[data-id="${target}"]`);
    await entry.locator("details.retag summary").click();
    await entry.locator('input[value="public-safety"]').check();
    await submit(entry.locator("form.retag"), "test: retag from the queue");
    await headingHas(`(${reviewQueue.totalCount - 1})`);
    expect(await page.locator(`ol.review > li[data-id="${target}"]`).count()).toBe(0);
    await shot("review");
  });

  it("reassigns a report on its page and merges two departments on a department's page", async () => {
    const id = async (name: string): Promise<string> => {
      const data = await read(`query($c: String!) { departments(contains: $c, first: 20) { nodes { id name } } }`, {
        c: name,
      });
      return data.departments.nodes.find((d: any) => d.name === name).id;
    };
    const [shijingshan, shunyi, daxing] = [await id("石景山区"), await id("顺义区"), await id("大兴区")];
    const { department } = await read(`query($id: ID!) { department(id: $id) { reports { id meeting { date } } } }`, {
      id: daxing,
    });
    const report = department.reports[0].id;
    await signIn();

    await page.goto(`${server.url}/id/report/${encodeURIComponent(report)}`);
    await settled();
    const assign = page.locator("form.assign");
    await assign.locator('input[name="department-query"]').fill("石景山");
    await assign.locator(".department-picker button").click();
    await assign.locator(`input[name="departmentId"][value="${shijingshan}"]`).check();
    await submit(assign, "test: given by another body");
    await page.locator('ol.corrections > li[data-kind="ASSIGN_REPORT"]').waitFor();
    await expect(page.locator("dl.facts").textContent()).resolves.toContain("石景山区");
    const assigned = await read(
      `query($id: ID!) { node(id: $id) { ... on Report { departments { id } corrections { kind author reason } } } }`,
      { id: report },
    );
    expect(assigned.node).toEqual({
      departments: [{ id: shijingshan }],
      corrections: [{ kind: "ASSIGN_REPORT", author: "alice", reason: "test: given by another body" }],
    });

    await page.goto(`${server.url}/id/department/${encodeURIComponent(daxing)}`);
    await headingHas("大兴区");
    const merge = page.locator("form.merge");
    await merge.locator('input[name="department-query"]').fill("顺义");
    await merge.locator('input[name="department-query"]').press("Enter");
    await merge.locator(`input[name="departmentId"][value="${shunyi}"]`).check();
    await submit(merge, "test: one body");
    await page.waitForURL(new RegExp(`/id/department/${shunyi}$`));
    await headingHas("顺义区");
    await page.locator('ol.corrections > li[data-kind="MERGE_DEPARTMENTS"]').waitFor();
    const merged = await read(
      `query($from: ID!, $into: ID!) { from: department(id: $from) { id } into: department(id: $into) { corrections { kind author } } }`,
      { from: daxing, into: shunyi },
    );
    expect(merged).toEqual({
      from: { id: shunyi },
      into: { corrections: [{ kind: "MERGE_DEPARTMENTS", author: "alice" }] },
    });
    await shot("correction-merge");
  });
});
