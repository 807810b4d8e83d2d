import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../platform/paths";
import { escapeHtml } from "../../platform/text/html";

/** Where `npm run build` puts the explorer (Vite's output). */
export const explorerDir = join(projectRoot, "web", "dist");

const SLOT = "<!--policygraph:ssr-->";
let cached: { mtimeMs: number; html: string } | undefined;

/** The explorer's built index.html, or undefined when the explorer has not been built. */
export function explorerIndex(): string | undefined {
  const file = join(explorerDir, "index.html");
  if (!existsSync(file)) return undefined;
  // Re-read after a rebuild (the file is tiny and stat is cheap).
  const mtimeMs = statSync(file).mtimeMs;
  if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, "utf8") };
  return cached.html;
}

/** What a server-rendered explorer page holds before the script takes over. */
export interface ShellContent {
  /** Plain text; escaped here. */
  title?: string;
  /** HTML for the head (alternate links); trusted, built by the caller from escaped parts. */
  head?: string;
  /** HTML for the page body (the description of an IRI); trusted likewise. */
  body?: string;
}

/** Puts server-rendered content into the explorer's index.html (its title, head and main slot). */
export function fillShell(index: string, content: ShellContent = {}): string {
  let html = index;
  if (content.title) {
    const title = `<title>${escapeHtml(content.title)} · policygraph</title>`;
    html = html.replace(/<title>[^<]*<\/title>/, () => title);
  }
  if (content.head) {
    const head = content.head;
    html = html.replace("</head>", () => `${head}\n</head>`);
  }
  return html.replace(SLOT, () => content.body ?? "");
}

/**
 * The explorer's page with server-rendered content in its main slot: what clients without
 * JavaScript read, and what a browser shows until the explorer renders the same entity.
 */
export function explorerPage(content: ShellContent = {}): string | undefined {
  const index = explorerIndex();
  return index === undefined ? undefined : fillShell(index, content);
}
