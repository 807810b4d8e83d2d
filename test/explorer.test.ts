import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import { Database } from "../src/platform/db/neo4j";
import { explorerIndex } from "../src/outputs/web-shell/web-shell";
import { ingestReadoutText } from "../src/pipeline/ingest/ingest.service";
import { projectRoot } from "../src/platform/paths";
import { RunningServer } from "../src/server/app";
import { resetGraph, testDatabase } from "./support/graph";
import { ingestAll } from "./support/readouts";
import { gql, testServer } from "./support/server";

// Functions given to page.evaluate run in the browser, whose globals these stand for.
declare const document: any, window: any;

// End to end: Debian's Chromium drives the built explorer against the in-process service over a
// real Neo4j holding the seed and the test readouts.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
const SHOTS = join(projectRoot, "test-output", "explorer");
const FIVE = [
  "development-reform-commission",
  "finance-bureau",
  "planning-natural-resources-commission",
  "housing-urban-rural-development-commission",
  "state-owned-assets-commission",
];
const SASAC = "state-owned-assets-commission";

let db: Database;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  }
  if (!explorerIndex()) throw new Error("The explorer is not built: run `npm run build` first");
  mkdirSync(SHOTS, { recursive: true });
  db = testDatabase();
  await resetGraph(db);
  await ingestAll(db);
  server = await testServer(db);
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
  // Script errors in the page fail the test that caused them.
  expect(pageErrors.splice(0)).toEqual([]);
});

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const path = () => new URL(page.url()).pathname;
const h1 = () => page.locator("main h1");
/** Waits for the view being rendered to be on screen (the explorer marks the body busy meanwhile). */
const settled = () => page.waitForFunction(() => !document.body.hasAttribute("aria-busy"));
/** Waits for the page heading to show a text (views render after their data arrives). */
const headingHas = (text: string) => page.locator("main h1", { hasText: text }).waitFor();

describe("explorer", () => {
  it("is served at / and as the text/html answer of entity IRIs, with its assets and no CDN", async () => {
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).toMatch(/^\/assets\//);
      const asset = await fetch(`${server.url}${src}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toMatch(/javascript/);
    }
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);

    const iri = await fetch(`${server.url}/id/department/${SASAC}`, { headers: { accept: "text/html" } });
    expect(iri.status).toBe(200);
    expect(iri.headers.get("vary")).toMatch(/Accept/i);
    const body = await iri.text();
    expect(body).toContain(scripts[0]);
    // Server-rendered content for clients without JavaScript, inside the explorer's page.
    expect(body).toContain('<span lang="zh">市国资委</span>');
    expect(body).toMatch(/<title>市国资委 · policygraph<\/title>/);

    const missing = await fetch(`${server.url}/id/department/no-such-department`, { headers: { accept: "text/html" } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("no-such-department");
    expect((await fetch(`${server.url}/assets/no-such-file.js`)).status).toBe(404);
  });

  it("searches for a department in Chinese, groups results by type and opens it", async () => {
    await page.goto(`${server.url}/`);
    await headingHas("policygraph");
    await page.fill("#q", "國資委");
    await page.press("#q", "Enter");
    await page.waitForSelector('ol.hits[data-type="Department"]');
    expect(path()).toBe("/search");
    const groups = await page.locator("ol.hits").evaluateAll((lists) => lists.map((l) => l.getAttribute("data-type")));
    expect(groups[0]).toBe("Department");
    await shot("search");
    await page.locator('ol.hits[data-type="Department"] a', { hasText: "市国资委" }).first().click();
    await headingHas("市国资委");
    expect(path()).toBe(`/id/department/${SASAC}`);
    // Reports by meeting, newest first, each with its achievements and shortcomings.
    const meetings = await page.locator("section.report h3 a").allTextContents();
    const { data } = await gql(server, `{ department(id: "${SASAC}") { reports { id } } }`);
    expect(meetings).toHaveLength(data!.department.reports.length);
    expect([...meetings].sort().reverse()).toEqual(meetings);
    // Reports come 20 at a time; this department has fewer, so there is nothing more to show.
    expect(await page.locator("button.more").isHidden()).toBe(true);
    expect(await page.locator("ol.shortcomings > li").count()).toBeGreaterThan(0);
    await shot("department");
  });

  it("follows a shortcoming to its sentence, highlighted inside its readout", async () => {
    await page.goto(`${server.url}/id/department/${SASAC}`);
    const report = page.locator("section.report", { hasText: "2022-03-31" });
    const first = report.locator("ol.shortcomings > li").first();
    // Unfold the sentence in place first.
    await first.locator("summary").click();
    await expect(first.locator("blockquote.sentence mark").isVisible()).resolves.toBe(true);
    const text = (await first.locator(".item-text a").textContent())!;
    await first.locator(".item-text a").click();
    await headingHas(text);
    expect(path()).toMatch(/^\/id\/shortcoming\//);
    const id = decodeURIComponent(path().split("/").pop()!);

    const { data } = await gql(
      server,
      `query($id: ID!) { node(id: $id) { ... on Shortcoming { evidence { quote sentence { text } document { text } start end } } } }`,
      { id },
    );
    const evidence = data!.node.evidence;
    expect(evidence.document.text.slice(evidence.start, evidence.end)).toBe(text);
    await expect(page.locator(".readout mark.quote").textContent()).resolves.toBe(evidence.quote);
    await expect(page.locator(".readout mark.sentence").textContent()).resolves.toBe(evidence.sentence.text);
    await expect(page.locator(".readout").textContent()).resolves.toBe(evidence.document.text);
    // The sentence is scrolled into view inside the readout.
    const [box, mark] = await Promise.all([
      page.locator(".readout").boundingBox(),
      page.locator(".readout mark.quote").boundingBox(),
    ]);
    expect(mark!.y).toBeGreaterThanOrEqual(box!.y - 1);
    expect(mark!.y).toBeLessThan(box!.y + box!.height);
    // Why it was tagged, and the inferred directives, are shown as such.
    await expect(page.locator("table.tags tbody tr").count()).resolves.toBeGreaterThan(0);
    await shot("shortcoming");
  });

  it("shows the heatmap with a party-building row flagging all five founding departments", async () => {
    await page.goto(`${server.url}/`);
    await page.locator("#nav a", { hasText: "主题热力图" }).click();
    const row = page.locator('table.heatmap tr[data-theme="party-building"]');
    await row.waitFor();
    expect(path()).toBe("/patterns/heatmap");
    await expect(row.locator("th").textContent()).resolves.toBe("党的建设与全面从严治党");
    const { data } = await gql(
      server,
      `{ themeMatrix { rows { department { id } cells { theme { id } shortcomings } } } }`,
    );
    for (const r of data!.themeMatrix.rows) {
      const want = r.cells.find((c: any) => c.theme.id === "party-building").shortcomings;
      await expect(row.locator(`td[data-department="${r.department.id}"]`).getAttribute("data-count")).resolves.toBe(
        String(want),
      );
    }
    for (const d of FIVE) {
      const n = Number(await row.locator(`td[data-department="${d}"]`).getAttribute("data-count"));
      expect(n).toBeGreaterThanOrEqual(1);
    }
    await shot("heatmap");
    // Filters are part of the address: a window before the founding meeting drops its departments.
    await page.fill('input[name="to"]', "2021-12-31");
    await page.locator("form.filters button[type=submit]").click();
    await page.waitForURL(/to=2021-12-31/);
    await settled();
    await expect(page.locator(`table.heatmap td[data-department="${SASAC}"]`).count()).resolves.toBe(0);
  });

  it("lists recurring and persistent shortcomings as the API answers them", async () => {
    await page.goto(`${server.url}/patterns/recurring`);
    const item = page.locator('ol.patterns > li[data-theme="party-building"]');
    await item.waitFor();
    const { data } = await gql(
      server,
      `{ recurringShortcomingThemes { theme { id } departmentCount }
         persistentShortcomings { department { id } theme { id } meetingCount } }`,
    );
    expect(await page.locator("ol.patterns > li").count()).toBe(data!.recurringShortcomingThemes.length);
    const pb = data!.recurringShortcomingThemes.find((r: any) => r.theme.id === "party-building");
    expect(await item.locator(".depts a").count()).toBe(pb.departmentCount);
    await shot("recurring");

    await page.goto(`${server.url}/patterns/persistent`);
    await page.locator("h1").waitFor();
    expect(data!.persistentShortcomings.length).toBeGreaterThan(0);
    await page.locator("ol.patterns > li").first().waitFor();
    const shown = await page
      .locator("ol.patterns > li")
      .evaluateAll((items) =>
        items.map((li) => `${li.getAttribute("data-department")}/${li.getAttribute("data-theme")}`),
      );
    expect(shown.sort()).toEqual(
      data!.persistentShortcomings.map((p: any) => `${p.department.id}/${p.theme.id}`).sort(),
    );
    await shot("persistent");
  });

  it("shows a meeting's speakers in order and a theme's flagged departments and timeline", async () => {
    const { data } = await gql(server, `{ meetings(from: "2022-03-31", to: "2022-03-31") { nodes { id } } }`);
    await page.goto(`${server.url}/id/meeting/${data!.meetings.nodes[0].id}`);
    await page.locator("ol.speakers").waitFor();
    const speakers = await page
      .locator("ol.speakers > li > a:first-child")
      .evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute("href")!.split("/").pop()!)));
    expect(speakers).toEqual(FIVE);
    expect(await page.locator("ol.directives > li").count()).toBeGreaterThan(0);
    await shot("meeting");

    await page.goto(`${server.url}/id/theme/party-building`);
    await page.locator("ol.flagged").waitFor();
    const flagged = await page
      .locator("ol.flagged a")
      .evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute("href")!.split("/").pop()!)));
    for (const d of FIVE) expect(flagged).toContain(d);
    const { data: t } = await gql(server, `{ timeline(themeId: "party-building") { date } }`);
    expect(await page.locator("svg.timeline rect").count()).toBe(t!.timeline.length);
    await shot("theme");

    // Ids that name nothing are refused by the API's filters; the pages say "not found".
    await expectNotFound("/id/theme/no-such-theme", "theme");
    await expectNotFound("/id/department/no-such-department", "department");
  });

  it("draws an entity's neighbourhood and expands it on click or by keyboard", async () => {
    await page.goto(`${server.url}/graph?id=${SASAC}`);
    const canvas = page.locator(".graph-canvas");
    const nodes = () => canvas.getAttribute("data-nodes").then(Number);
    await page.waitForFunction(() => Number(document.querySelector(".graph-canvas")?.dataset.nodes) > 1);
    const before = await nodes();
    expect(before).toBe(await page.locator("ul.graph-nodes > li").count());
    // By keyboard: the meeting's Expand button brings in the other departments' reports.
    const meeting = page.locator('ul.graph-nodes > li[data-type="Meeting"]').first();
    await meeting.locator("button").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => Number(document.querySelector(".graph-canvas")?.dataset.nodes) > n, before);
    expect(await page.locator("ul.graph-nodes > li").count()).toBe(await nodes());
    await expect(meeting.locator("button").count()).resolves.toBe(0);
    // By mouse: a click on a node on the canvas expands that node.
    const target = page.locator('ul.graph-nodes > li[data-type="Report"]:has(button)').first();
    const id = (await target.getAttribute("data-id"))!;
    const at = await page.evaluate((nodeId) => {
      const el = document.querySelector(".graph-canvas");
      const p = el.cy.getElementById(nodeId).renderedPosition();
      const box = el.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, id);
    await page.mouse.click(at.x, at.y);
    await page.locator(`ul.graph-nodes > li[data-id="${id}"]:not(:has(button))`).waitFor();
    await shot("graph");
  });

  it("switches the interface between Chinese and English and keeps the choice", async () => {
    await page.goto(`${server.url}/id/department/${SASAC}`);
    await headingHas("市国资委");
    await expect(page.locator("#nav").textContent()).resolves.toContain("主题热力图");
    await page.click("#lang");
    await headingHas("State-owned Assets");
    await expect(page.locator("#nav").textContent()).resolves.toContain("Theme heatmap");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.reload();
    await headingHas("State-owned Assets");
    await shot("department-en");
  });

  it("is usable by keyboard: / to search, Tab and Enter to follow, focus on the new page", async () => {
    await page.goto(`${server.url}/`);
    await h1().waitFor();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    await page.keyboard.type("市财政局");
    await page.keyboard.press("Enter");
    await page.waitForSelector('ol.hits[data-type="Department"] a');
    let focused = "";
    for (let i = 0; i < 40 && !focused.includes("/id/department/"); i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.href ?? "");
    }
    expect(focused).toContain("/id/department/finance-bureau");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/id\/department\/finance-bureau$/);
    await settled();
    await headingHas("市财政局");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  });

  it("reads on a narrow screen without sideways scrolling", async () => {
    await context.close();
    context = await browser.newContext({ locale: "zh-CN", viewport: { width: 375, height: 812 }, isMobile: true });
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    for (const [name, url] of [
      ["narrow-department", `/id/department/${SASAC}`],
      ["narrow-heatmap", "/patterns/heatmap"],
    ]) {
      await page.goto(`${server.url}${url}`);
      await page.locator("main h1").waitFor();
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(name);
    }
  });
});

describe("district bodies in the explorer", () => {
  // Two meetings of 通州区 and one of 怀柔区, each with a 区科委, beside the city's readouts.
  beforeAll(async () => {
    const dir = join(projectRoot, "test", "fixtures", "district-readouts");
    for (const file of readdirSync(dir).sort()) await ingestReadoutText(db, readFileSync(join(dir, file), "utf8"));
  });

  it("lists each district's bodies once, under their district, on the start page", async () => {
    await page.goto(`${server.url}/`);
    await settled();
    const groups = await page.evaluate(() =>
      [...document.querySelectorAll(".department-group")].map((g: any) => ({
        district: g.querySelector("h3").textContent,
        parts: [...g.querySelectorAll("li")].map((li: any) => li.textContent),
      })),
    );
    const tongzhou = groups.find((g: any) => g.district === "通州区");
    expect(tongzhou?.parts.sort()).toEqual(["宋庄镇", "永乐店镇", "通州区委教育工委", "通州区科委"].sort());
    expect(groups.find((g: any) => g.district === "怀柔区")?.parts.sort()).toEqual(["宝山镇", "怀柔区科委"].sort());
    await shot("home-districts");
  });

  it("shows a district body's parent and a meeting's host", async () => {
    const [{ id }] = await db.read<{ id: string }>("MATCH (d:Department {name: '通州区科委'}) RETURN d.id AS id");
    await page.goto(`${server.url}/id/department/${id}`);
    await headingHas("通州区科委");
    await settled();
    await shot("district-body");
    expect(await page.locator("dl.facts dd a", { hasText: /^通州区$/ }).count()).toBe(1);
    await page.goto(`${server.url}/id/department/tongzhou-district`);
    await headingHas("通州区");
    await settled();
    expect(await page.locator("ul.parts li").allTextContents()).toContain("通州区科委");
    const [{ meeting }] = await db.read<{ meeting: string }>(
      "MATCH (m:Meeting {date: date('2024-03-28')}) RETURN m.id AS meeting",
    );
    await page.goto(`${server.url}/id/meeting/${meeting}`);
    await settled();
    expect(await page.locator("dl.facts dd a", { hasText: /^怀柔区$/ }).count()).toBe(1);
  });
});

describe("the explorer of a service with a read token", () => {
  const TOKEN = "reader-secret-for-explorer";
  let guarded: RunningServer;
  beforeAll(async () => {
    guarded = await testServer(db, { readToken: TOKEN });
  });
  afterAll(() => guarded.close());

  it("asks for the token, says when it was refused, and keeps the right one for the session", async () => {
    const stored = () => page.evaluate(() => window.sessionStorage.getItem("policygraph.readToken"));
    await page.goto(`${guarded.url}/`);
    await settled();
    await headingHas("需要访问令牌");
    expect(await page.locator('[role="alert"]').count()).toBe(0);

    await page.fill('input[name="token"]', "not-the-token");
    await page.press('input[name="token"]', "Enter");
    await settled();
    await headingHas("需要访问令牌");
    await page.locator('[role="alert"]').waitFor();
    expect(await stored()).toBeNull();
    await shot("token-refused");

    await page.fill('input[name="token"]', TOKEN);
    await page.press('input[name="token"]', "Enter");
    await headingHas("policygraph");
    expect(await stored()).toBe(TOKEN);
    // Sent with every later request of the session: another page renders without asking again.
    await page.goto(`${guarded.url}/id/department/${SASAC}`);
    await headingHas("市国资委");
    expect(await page.locator('input[name="token"]').count()).toBe(0);
  });
});

/** Opens `path` and checks the explorer rendered its "not found" page, not an error. */
async function expectNotFound(path: string, view: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction((v) => document.body.dataset.view === v && !document.body.hasAttribute("aria-busy"), view);
  expect(await page.locator("article.error").count()).toBe(0);
  expect(await page.locator("h1").last().textContent()).toMatch(/^(未找到|Not found)$/);
}
