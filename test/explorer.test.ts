import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ingestReadoutText } from "../src/pipeline/ingest/ingest.service";
import { projectRoot } from "../src/platform/paths";
import { RunningServer } from "../src/server/app";
import { useExplorer } from "./support/explorer";
import { gql, testServer } from "./support/server";

// Functions given to page.evaluate run in the browser, whose globals these stand for.
declare const document: any, window: any;

// End to end: Debian's Chromium drives the built explorer against the in-process service over a
// real Neo4j holding the seed and the test readouts.
const FIVE = [
  "development-reform-commission",
  "finance-bureau",
  "planning-natural-resources-commission",
  "housing-urban-rural-development-commission",
  "state-owned-assets-commission",
];
const SASAC = "state-owned-assets-commission";

const ui = useExplorer();
const { shot, settled, headingHas } = ui;
const path = () => new URL(ui.page.url()).pathname;
const h1 = () => ui.page.locator("main h1");

describe("explorer", () => {
  it("is served at / and as the text/html answer of entity IRIs, with its assets and no CDN", async () => {
    const home = await fetch(`${ui.server.url}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).toMatch(/^\/assets\//);
      const asset = await fetch(`${ui.server.url}${src}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toMatch(/javascript/);
    }
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);

    const iri = await fetch(`${ui.server.url}/id/department/${SASAC}`, { headers: { accept: "text/html" } });
    expect(iri.status).toBe(200);
    expect(iri.headers.get("vary")).toMatch(/Accept/i);
    const body = await iri.text();
    expect(body).toContain(scripts[0]);
    // Server-rendered content for clients without JavaScript, inside the explorer's page.
    expect(body).toContain('<span lang="zh">市国资委</span>');
    expect(body).toMatch(/<title>市国资委 · policygraph<\/title>/);

    const missing = await fetch(`${ui.server.url}/id/department/no-such-department`, {
      headers: { accept: "text/html" },
    });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("no-such-department");
    expect((await fetch(`${ui.server.url}/assets/no-such-file.js`)).status).toBe(404);
  });

  it("searches for a department in Chinese, groups results by type and opens it", async () => {
    await ui.page.goto(`${ui.server.url}/`);
    await headingHas("policygraph");
    await ui.page.fill("#q", "國資委");
    await ui.page.press("#q", "Enter");
    await ui.page.waitForSelector('ol.hits[data-type="Department"]');
    expect(path()).toBe("/search");
    const groups = await ui.page
      .locator("ol.hits")
      .evaluateAll((lists) => lists.map((l) => l.getAttribute("data-type")));
    expect(groups[0]).toBe("Department");
    await shot("search");
    await ui.page.locator('ol.hits[data-type="Department"] a', { hasText: "市国资委" }).first().click();
    await headingHas("市国资委");
    expect(path()).toBe(`/id/department/${SASAC}`);
    // Reports by meeting, newest first, each with its achievements and shortcomings.
    const meetings = await ui.page.locator("section.report h3 a").allTextContents();
    const { data } = await gql(ui.server, `{ department(id: "${SASAC}") { reports { id } } }`);
    expect(meetings).toHaveLength(data!.department.reports.length);
    expect([...meetings].sort().reverse()).toEqual(meetings);
    // Reports come 20 at a time; this department has fewer, so there is nothing more to show.
    expect(await ui.page.locator("button.more").isHidden()).toBe(true);
    expect(await ui.page.locator("ol.shortcomings > li").count()).toBeGreaterThan(0);
    await shot("department");
  });

  it("follows a shortcoming to its sentence, highlighted inside its readout", async () => {
    await ui.page.goto(`${ui.server.url}/id/department/${SASAC}`);
    const report = ui.page.locator("section.report", { hasText: "2022-03-31" });
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
      ui.server,
      `query($id: ID!) { node(id: $id) { ... on Shortcoming { evidence { quote sentence { text } document { text } start end } } } }`,
      { id },
    );
    const evidence = data!.node.evidence;
    expect(evidence.document.text.slice(evidence.start, evidence.end)).toBe(text);
    await expect(ui.page.locator(".readout mark.quote").textContent()).resolves.toBe(evidence.quote);
    await expect(ui.page.locator(".readout mark.sentence").textContent()).resolves.toBe(evidence.sentence.text);
    await expect(ui.page.locator(".readout").textContent()).resolves.toBe(evidence.document.text);
    // The sentence is scrolled into view inside the readout.
    const [box, mark] = await Promise.all([
      ui.page.locator(".readout").boundingBox(),
      ui.page.locator(".readout mark.quote").boundingBox(),
    ]);
    expect(mark!.y).toBeGreaterThanOrEqual(box!.y - 1);
    expect(mark!.y).toBeLessThan(box!.y + box!.height);
    // Why it was tagged, and the inferred directives, are shown as such.
    await expect(ui.page.locator("table.tags tbody tr").count()).resolves.toBeGreaterThan(0);
    await shot("shortcoming");
  });

  it("shows the heatmap with a party-building row flagging all five founding departments", async () => {
    await ui.page.goto(`${ui.server.url}/`);
    await ui.page.locator("#nav a", { hasText: "主题热力图" }).click();
    const row = ui.page.locator('table.heatmap tr[data-theme="party-building"]');
    await row.waitFor();
    expect(path()).toBe("/patterns/heatmap");
    await expect(row.locator("th").textContent()).resolves.toBe("党的建设与全面从严治党");
    const { data } = await gql(
      ui.server,
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
    await ui.page.fill('input[name="to"]', "2021-12-31");
    await ui.page.locator("form.filters button[type=submit]").click();
    await ui.page.waitForURL(/to=2021-12-31/);
    await settled();
    await expect(ui.page.locator(`table.heatmap td[data-department="${SASAC}"]`).count()).resolves.toBe(0);
  });

  it("lists recurring and persistent shortcomings as the API answers them", async () => {
    await ui.page.goto(`${ui.server.url}/patterns/recurring`);
    const item = ui.page.locator('ol.patterns > li[data-theme="party-building"]');
    await item.waitFor();
    const { data } = await gql(
      ui.server,
      `{ recurringShortcomingThemes { theme { id } departmentCount }
         persistentShortcomings { department { id } theme { id } meetingCount } }`,
    );
    expect(await ui.page.locator("ol.patterns > li").count()).toBe(data!.recurringShortcomingThemes.length);
    const pb = data!.recurringShortcomingThemes.find((r: any) => r.theme.id === "party-building");
    expect(await item.locator(".depts a").count()).toBe(pb.departmentCount);
    await shot("recurring");

    await ui.page.goto(`${ui.server.url}/patterns/persistent`);
    await ui.page.locator("h1").waitFor();
    expect(data!.persistentShortcomings.length).toBeGreaterThan(0);
    await ui.page.locator("ol.patterns > li").first().waitFor();
    const shown = await ui.page
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
    const { data } = await gql(ui.server, `{ meetings(from: "2022-03-31", to: "2022-03-31") { nodes { id } } }`);
    await ui.page.goto(`${ui.server.url}/id/meeting/${data!.meetings.nodes[0].id}`);
    await ui.page.locator("ol.speakers").waitFor();
    const speakers = await ui.page
      .locator("ol.speakers > li > a:first-child")
      .evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute("href")!.split("/").pop()!)));
    expect(speakers).toEqual(FIVE);
    expect(await ui.page.locator("ol.directives > li").count()).toBeGreaterThan(0);
    await shot("meeting");

    await ui.page.goto(`${ui.server.url}/id/theme/party-building`);
    await ui.page.locator("ol.flagged").waitFor();
    const flagged = await ui.page
      .locator("ol.flagged a")
      .evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute("href")!.split("/").pop()!)));
    for (const d of FIVE) expect(flagged).toContain(d);
    const { data: t } = await gql(ui.server, `{ timeline(themeId: "party-building") { date } }`);
    expect(await ui.page.locator("svg.timeline rect").count()).toBe(t!.timeline.length);
    await shot("theme");

    // Ids that name nothing are refused by the API's filters; the pages say "not found".
    await expectNotFound("/id/theme/no-such-theme", "theme");
    await expectNotFound("/id/department/no-such-department", "department");
  });

  it("draws an entity's neighbourhood and expands it on click or by keyboard", async () => {
    await ui.page.goto(`${ui.server.url}/graph?id=${SASAC}`);
    const canvas = ui.page.locator(".graph-canvas");
    const nodes = () => canvas.getAttribute("data-nodes").then(Number);
    await ui.page.waitForFunction(() => Number(document.querySelector(".graph-canvas")?.dataset.nodes) > 1);
    const before = await nodes();
    expect(before).toBe(await ui.page.locator("ul.graph-nodes > li").count());
    // By keyboard: the meeting's Expand button brings in the other departments' reports.
    const meeting = ui.page.locator('ul.graph-nodes > li[data-type="Meeting"]').first();
    await meeting.locator("button").focus();
    await ui.page.keyboard.press("Enter");
    await ui.page.waitForFunction((n) => Number(document.querySelector(".graph-canvas")?.dataset.nodes) > n, before);
    expect(await ui.page.locator("ul.graph-nodes > li").count()).toBe(await nodes());
    await expect(meeting.locator("button").count()).resolves.toBe(0);
    // By mouse: a click on a node on the canvas expands that node.
    const target = ui.page.locator('ul.graph-nodes > li[data-type="Report"]:has(button)').first();
    const id = (await target.getAttribute("data-id"))!;
    const at = await ui.page.evaluate((nodeId) => {
      const el = document.querySelector(".graph-canvas");
      const p = el.cy.getElementById(nodeId).renderedPosition();
      const box = el.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, id);
    await ui.page.mouse.click(at.x, at.y);
    await ui.page.locator(`ul.graph-nodes > li[data-id="${id}"]:not(:has(button))`).waitFor();
    await shot("graph");
  });

  it("switches the interface between Chinese and English and keeps the choice", async () => {
    await ui.page.goto(`${ui.server.url}/id/department/${SASAC}`);
    await headingHas("市国资委");
    await expect(ui.page.locator("#nav").textContent()).resolves.toContain("主题热力图");
    await ui.page.click("#lang");
    await headingHas("State-owned Assets");
    await expect(ui.page.locator("#nav").textContent()).resolves.toContain("Theme heatmap");
    expect(await ui.page.getAttribute("html", "lang")).toBe("en");
    await ui.page.reload();
    await headingHas("State-owned Assets");
    await shot("department-en");
  });

  it("is usable by keyboard: / to search, Tab and Enter to follow, focus on the new page", async () => {
    await ui.page.goto(`${ui.server.url}/`);
    await h1().waitFor();
    await ui.page.keyboard.press("/");
    expect(await ui.page.evaluate(() => document.activeElement?.id)).toBe("q");
    await ui.page.keyboard.type("市财政局");
    await ui.page.keyboard.press("Enter");
    await ui.page.waitForSelector('ol.hits[data-type="Department"] a');
    let focused = "";
    for (let i = 0; i < 40 && !focused.includes("/id/department/"); i++) {
      await ui.page.keyboard.press("Tab");
      focused = await ui.page.evaluate(() => document.activeElement?.href ?? "");
    }
    expect(focused).toContain("/id/department/finance-bureau");
    await ui.page.keyboard.press("Enter");
    await ui.page.waitForURL(/\/id\/department\/finance-bureau$/);
    await settled();
    await headingHas("市财政局");
    expect(await ui.page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  });

  it("reads on a narrow screen without sideways scrolling", async () => {
    await ui.reopen({ locale: "zh-CN", viewport: { width: 375, height: 812 }, isMobile: true });
    for (const [name, url] of [
      ["narrow-department", `/id/department/${SASAC}`],
      ["narrow-heatmap", "/patterns/heatmap"],
    ]) {
      await ui.page.goto(`${ui.server.url}${url}`);
      await ui.page.locator("main h1").waitFor();
      await ui.page.waitForLoadState("networkidle");
      const overflow = await ui.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(name);
    }
  });
});

describe("district bodies in the explorer", () => {
  // Two meetings of 通州区 and one of 怀柔区, each with a 区科委, beside the city's readouts.
  beforeAll(async () => {
    const dir = join(projectRoot, "test", "fixtures", "district-readouts");
    for (const file of readdirSync(dir).sort()) await ingestReadoutText(ui.db, readFileSync(join(dir, file), "utf8"));
  });

  it("lists each district's bodies once, under their district, on the start page", async () => {
    await ui.page.goto(`${ui.server.url}/`);
    await settled();
    const groups = await ui.page.evaluate(() =>
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
    const [{ id }] = await ui.db.read<{ id: string }>("MATCH (d:Department {name: '通州区科委'}) RETURN d.id AS id");
    await ui.page.goto(`${ui.server.url}/id/department/${id}`);
    await headingHas("通州区科委");
    await settled();
    await shot("district-body");
    expect(await ui.page.locator("dl.facts dd a", { hasText: /^通州区$/ }).count()).toBe(1);
    await ui.page.goto(`${ui.server.url}/id/department/tongzhou-district`);
    await headingHas("通州区");
    await settled();
    expect(await ui.page.locator("ul.parts li").allTextContents()).toContain("通州区科委");
    const [{ meeting }] = await ui.db.read<{ meeting: string }>(
      "MATCH (m:Meeting {date: date('2024-03-28')}) RETURN m.id AS meeting",
    );
    await ui.page.goto(`${ui.server.url}/id/meeting/${meeting}`);
    await settled();
    expect(await ui.page.locator("dl.facts dd a", { hasText: /^怀柔区$/ }).count()).toBe(1);
  });
});

describe("the explorer of a service with a read token", () => {
  const TOKEN = "reader-secret-for-explorer";
  let guarded: RunningServer;
  beforeAll(async () => {
    guarded = await testServer(ui.db, { readToken: TOKEN });
  });
  afterAll(() => guarded.close());

  it("asks for the token, says when it was refused, and keeps the right one for the session", async () => {
    const stored = () => ui.page.evaluate(() => window.sessionStorage.getItem("policygraph.readToken"));
    await ui.page.goto(`${guarded.url}/`);
    await settled();
    await headingHas("需要访问令牌");
    expect(await ui.page.locator('[role="alert"]').count()).toBe(0);

    await ui.page.fill('input[name="token"]', "not-the-token");
    await ui.page.press('input[name="token"]', "Enter");
    await settled();
    await headingHas("需要访问令牌");
    await ui.page.locator('[role="alert"]').waitFor();
    expect(await stored()).toBeNull();
    await shot("token-refused");

    await ui.page.fill('input[name="token"]', TOKEN);
    await ui.page.press('input[name="token"]', "Enter");
    await headingHas("policygraph");
    expect(await stored()).toBe(TOKEN);
    // Sent with every later request of the session: another page renders without asking again.
    await ui.page.goto(`${guarded.url}/id/department/${SASAC}`);
    await headingHas("市国资委");
    expect(await ui.page.locator('input[name="token"]').count()).toBe(0);
  });
});

/** Opens `path` and checks the explorer rendered its "not found" page, not an error. */
async function expectNotFound(path: string, view: string): Promise<void> {
  await ui.page.goto(`${ui.server.url}${path}`);
  await ui.page.waitForFunction(
    (v) => document.body.dataset.view === v && !document.body.hasAttribute("aria-busy"),
    view,
  );
  expect(await ui.page.locator("article.error").count()).toBe(0);
  expect(await ui.page.locator("h1").last().textContent()).toMatch(/^(未找到|Not found)$/);
}
