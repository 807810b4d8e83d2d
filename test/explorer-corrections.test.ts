import { Page } from "playwright-core";
import { useExplorer } from "./support/explorer";
import { gql } from "./support/server";

// Functions given to page.evaluate run in the browser, whose globals these stand for.
declare const document: any, window: any, NodeFilter: any;

// Curators' corrections in the built explorer, driven in Debian's Chromium against the in-process
// service over a real Neo4j holding the seed and the test readouts (see test/explorer.test.ts).
const TOKEN = "alice-explorer-token-for-tests";
const BOB = "bob-explorer-token-for-tests";

const ui = useExplorer({
  curatorTokens: [
    { name: "alice", token: TOKEN },
    { name: "bob", token: BOB },
  ],
});
const { shot, settled, headingHas } = ui;

async function read(query: string, variables: Record<string, unknown> = {}) {
  const res = await gql(ui.server, query, variables);
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
  await ui.page.goto(`${ui.server.url}/curator`);
  await settled();
  await ui.page.fill('input[name="curator-token"]', token);
  await ui.page.press('input[name="curator-token"]', "Enter");
  await ui.page.locator(".curator-name").first().waitFor();
}

const itemPage = async (id: string) => {
  await ui.page.goto(`${ui.server.url}/id/shortcoming/${encodeURIComponent(id)}`);
  await settled();
};

/** Fills a correction form's reason and submits it; waits for the page to render again. */
async function submit(form: ReturnType<Page["locator"]>, reason: string) {
  await form.locator('input[name="reason"]').fill(reason);
  await form.locator('button[type="submit"]').click();
}

/** Selects `phrase` in the page's readout, as a mouse would: by DOM text nodes, not offsets. */
function selectInReadout(phrase: string) {
  return ui.page.evaluate((p: string) => {
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
    await ui.page.goto(`${ui.server.url}/curator`);
    await settled();
    await ui.page.fill('input[name="curator-token"]', "not-a-curator-token");
    await ui.page.press('input[name="curator-token"]', "Enter");
    await ui.page.locator('.form-status [role="alert"]').waitFor();
    expect(await ui.page.evaluate(() => window.sessionStorage.getItem("policygraph.curatorToken"))).toBeNull();

    await signIn();
    expect(await ui.page.evaluate(() => window.sessionStorage.getItem("policygraph.curatorToken"))).toBe(TOKEN);
    await expect(ui.page.locator("#nav .curator-name").textContent()).resolves.toContain("alice");
    expect(await ui.page.content()).not.toContain(TOKEN);
    expect(await ui.page.locator('input[name="curator-token"]').count()).toBe(0);

    await ui.page.locator("#nav button.sign-out").click();
    await ui.page.locator('#nav a[href="/curator"]', { hasText: "审核员登录" }).waitFor();
    expect(await ui.page.evaluate(() => window.sessionStorage.getItem("policygraph.curatorToken"))).toBeNull();
  });

  it("retags from the item page and undoes it: the item's themes are the extractor's again", async () => {
    const id = await shortcomingId("財會監督");
    const before = await item(id);
    expect(before.themeTags.every((tag: any) => tag.source === "EXTRACTOR")).toBe(true);
    await signIn();
    await itemPage(id);

    // The same themes again is refused by the API: its code and message are shown as they are.
    const retag = ui.page.locator("form.retag");
    await ui.page.locator("details.retag summary").click();
    await submit(retag, "test: nothing changes");
    await expect(retag.locator(".error code").textContent()).resolves.toBe("BAD_USER_INPUT");

    for (const theme of before.themeTags) await retag.locator(`input[value="${theme.theme.id}"]`).uncheck();
    await retag.locator('input[value="livelihood"]').check();
    await retag.locator('input[value="party-building"]').check();
    await submit(retag, "test: retag in the explorer");
    await ui.page.locator('table.tags tr[data-source="CURATOR"]').first().waitFor();
    const retagged = await item(id);
    expect(retagged.themes.map((x: any) => x.id)).toEqual(["livelihood", "party-building"]);
    expect(retagged.themeTags.every((tag: any) => tag.source === "CURATOR")).toBe(true);
    expect(retagged.corrections[0]).toMatchObject({ kind: "SET_ITEM_THEMES", author: "alice" });
    const entry = ui.page.locator('ol.corrections > li[data-kind="SET_ITEM_THEMES"]');
    await expect(entry.locator(".author").textContent()).resolves.toBe("alice");
    await expect(entry.locator(".reason").textContent()).resolves.toBe("test: retag in the explorer");
    await shot("correction-retag");

    await submit(entry.locator("form.undo"), "test: undo in the explorer");
    await ui.page.locator('ol.corrections > li.undone[data-kind="SET_ITEM_THEMES"]').waitFor();
    const undone = await item(id);
    expect(undone.themes).toEqual(before.themes);
    expect(undone.themeTags).toEqual(before.themeTags);
    // The item's own corrections: the retag, now undone (the undo's target is the retag).
    expect(undone.corrections.map((c: any) => [c.kind, c.undone])).toEqual([["SET_ITEM_THEMES", true]]);
    expect(await ui.page.locator('table.tags tr[data-source="CURATOR"]').count()).toBe(0);
    await expect(ui.page.locator("ol.corrections .undone-by").textContent()).resolves.toContain("alice");
  });

  it("adds a missed item by selecting its text in the readout view", async () => {
    const { meetings } = await read(
      `{ meetings(from: "2022-05-31", to: "2022-05-31") { nodes { document { id text } reports { id subject } } } }`,
    );
    const { document: doc, reports } = meetings.nodes[0];
    const report = reports.find((r: any) => r.subject === "市發展改革委");
    await signIn();
    await ui.page.goto(`${ui.server.url}/id/document/${encodeURIComponent(doc.id)}`);
    await settled();
    await expect(ui.page.locator(".readout").textContent()).resolves.toBe(doc.text);

    // A selection across sentences maps to the offsets of the stored text too.
    const across = "蔡奇一一點評。市發展改革委";
    await selectInReadout(across);
    await ui.page.waitForFunction(
      (start: number) => document.querySelector("blockquote.selection")?.dataset.start === String(start),
      doc.text.indexOf(across),
    );
    await expect(ui.page.locator("blockquote.selection").getAttribute("data-end")).resolves.toBe(
      String(doc.text.indexOf(across) + across.length),
    );

    const phrase = "深化「放管服」改革";
    const start = doc.text.indexOf(phrase);
    await selectInReadout(phrase);
    await ui.page.waitForFunction(
      (s: number) => document.querySelector("blockquote.selection")?.dataset.start === String(s),
      start,
    );
    await expect(ui.page.locator("blockquote.selection").textContent()).resolves.toBe(phrase);
    const form = ui.page.locator("form.add");
    await form.locator('select[name="kind"]').selectOption("ACHIEVEMENT");
    await form.locator('select[name="reportId"]').selectOption(report.id);
    await form.locator('input[value="business-environment"]').check();
    await shot("correction-add");
    await submit(form, "test: add by selection");
    await headingHas(phrase);
    const added = decodeURIComponent(new URL(ui.page.url()).pathname.split("/").pop()!);
    expect(new URL(ui.page.url()).pathname).toMatch(/^\/id\/achievement\//);

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
      ui.server,
      `mutation($id: ID!) { rejectItem(id: $id, reason: "test: a visitor sees why") { id at } }`,
      { id },
      { authorization: `Bearer ${BOB}` },
    );
    expect(res.errors).toBeUndefined();
    await itemPage(id);
    await ui.page.locator("ol.corrections > li").first().waitFor();
    const entry = ui.page.locator('ol.corrections > li[data-kind="REJECT_ITEM"]');
    await expect(entry.locator(".author").textContent()).resolves.toBe("bob");
    await expect(entry.locator(".reason").textContent()).resolves.toBe("test: a visitor sees why");
    await expect(entry.locator("time").getAttribute("datetime")).resolves.toBe(res.data!.rejectItem.at);
    await ui.page.locator(".rejected-note").waitFor();
    expect(await ui.page.locator("main form, main details.retag, main details.reject").count()).toBe(0);
    await expect(ui.page.locator("#nav .curator-status a").getAttribute("href")).resolves.toBe("/curator");
    await shot("correction-visitor");

    // The review page is a read too: entries and why, no forms.
    await ui.page.goto(`${ui.server.url}/review`);
    await ui.page.locator("ol.review > li").first().waitFor();
    await expect(ui.page.locator('ol.review [data-reason="UNCLASSIFIED"]').count()).resolves.toBeGreaterThan(0);
    expect(await ui.page.locator("ol.review form").count()).toBe(0);
  });

  it("lists the review queue with actions inline for a curator: a retagged entry leaves it", async () => {
    const { reviewQueue } = await read(`{ reviewQueue(first: 100) { totalCount nodes { item { id } reasons } } }`);
    const target = reviewQueue.nodes.find((e: any) => e.reasons.includes("UNCLASSIFIED")).item.id;
    await signIn();
    await ui.page.goto(`${ui.server.url}/review`);
    await settled();
    await headingHas(`(${reviewQueue.totalCount})`);
    const entry = ui.page.locator(`ol.review > li[data-id="${target}"]`);
    await entry.locator("details.retag summary").click();
    await entry.locator('input[value="public-safety"]').check();
    await submit(entry.locator("form.retag"), "test: retag from the queue");
    await headingHas(`(${reviewQueue.totalCount - 1})`);
    expect(await ui.page.locator(`ol.review > li[data-id="${target}"]`).count()).toBe(0);
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

    await ui.page.goto(`${ui.server.url}/id/report/${encodeURIComponent(report)}`);
    await settled();
    const assign = ui.page.locator("form.assign");
    await assign.locator('input[name="department-query"]').fill("石景山");
    await assign.locator(".department-picker button").click();
    await assign.locator(`input[name="departmentId"][value="${shijingshan}"]`).check();
    await submit(assign, "test: given by another body");
    await ui.page.locator('ol.corrections > li[data-kind="ASSIGN_REPORT"]').waitFor();
    await expect(ui.page.locator("dl.facts").textContent()).resolves.toContain("石景山区");
    const assigned = await read(
      `query($id: ID!) { node(id: $id) { ... on Report { departments { id } corrections { kind author reason } } } }`,
      { id: report },
    );
    expect(assigned.node).toEqual({
      departments: [{ id: shijingshan }],
      corrections: [{ kind: "ASSIGN_REPORT", author: "alice", reason: "test: given by another body" }],
    });

    await ui.page.goto(`${ui.server.url}/id/department/${encodeURIComponent(daxing)}`);
    await headingHas("大兴区");
    const merge = ui.page.locator("form.merge");
    await merge.locator('input[name="department-query"]').fill("顺义");
    await merge.locator('input[name="department-query"]').press("Enter");
    await merge.locator(`input[name="departmentId"][value="${shunyi}"]`).check();
    await submit(merge, "test: one body");
    await ui.page.waitForURL(new RegExp(`/id/department/${shunyi}$`));
    await headingHas("顺义区");
    await ui.page.locator('ol.corrections > li[data-kind="MERGE_DEPARTMENTS"]').waitFor();
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
