import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from "playwright-core";
import { explorerIndex } from "../../src/outputs/web-shell/web-shell";
import { Database } from "../../src/platform/db/neo4j";
import { projectRoot } from "../../src/platform/paths";
import { RunningServer, ServerSettings } from "../../src/server/app";
import { resetGraph, testDatabase } from "./graph";
import { ingestAll } from "./readouts";
import { testServer } from "./server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
const SHOTS = join(projectRoot, "test-output", "explorer");
const DESKTOP: BrowserContextOptions = { locale: "zh-CN", viewport: { width: 1280, height: 900 } };

/**
 * The built explorer in Debian's Chromium against the in-process service over the test Neo4j,
 * holding the seed and the test readouts. Its fields are set once the hooks it registered ran: a
 * fresh browser context (and `page`) per test, whose script errors fail that test.
 */
export interface ExplorerSession {
  db: Database;
  server: RunningServer;
  page: Page;
  /** Replaces this test's context with one of these options (e.g. a phone's viewport). */
  reopen(options: BrowserContextOptions): Promise<void>;
  /** A full-page screenshot in test-output/explorer/. */
  shot(name: string): Promise<Buffer>;
  /** Waits for the view being rendered to be on screen (the explorer marks the body busy meanwhile). */
  settled(): Promise<unknown>;
  /** Waits for the page heading to show a text (views render after their data arrives). */
  headingHas(text: string): Promise<void>;
}

/** Registers the jest hooks of a browser test file and returns its session. */
export function useExplorer(settings: Partial<ServerSettings> = {}): ExplorerSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const pageErrors: string[] = [];
  const open = async (options: BrowserContextOptions) => {
    context = await browser!.newContext(options);
    session.page = await context.newPage();
    session.page.on("pageerror", (e) => pageErrors.push(e.message));
  };
  const session: ExplorerSession = {
    db: undefined as unknown as Database,
    server: undefined as unknown as RunningServer,
    page: undefined as unknown as Page,
    reopen: async (options) => {
      await context?.close();
      await open(options);
    },
    shot: (name) => session.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }),
    settled: () => session.page.waitForFunction(() => !document.body.hasAttribute("aria-busy")),
    headingHas: (text) => session.page.locator("main h1", { hasText: text }).waitFor(),
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
    }
    if (!explorerIndex()) throw new Error("The explorer is not built: run `npm run build` first");
    mkdirSync(SHOTS, { recursive: true });
    session.db = testDatabase();
    await resetGraph(session.db);
    await ingestAll(session.db);
    session.server = await testServer(session.db, settings);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await session.server?.close();
    await session.db?.close();
  });

  beforeEach(() => open(DESKTOP));

  afterEach(async () => {
    await context?.close();
    // Script errors in the page fail the test that caused them.
    expect(pageErrors.splice(0)).toEqual([]);
  });

  return session;
}

// Functions given to page.waitForFunction run in the browser, whose global this stands for.
declare const document: { body: { hasAttribute(name: string): boolean } };
