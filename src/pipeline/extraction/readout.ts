/** Front matter of a readout file (see the corpus README). */
export interface FrontMatter {
  title: string;
  url: string;
  /** YYYY-MM-DD, or YYYY where only the year is known. */
  published: string;
  /** The locality whose meeting it is (通州区, 宁波市), for texts that only say 我区 / 我市; "" when not given. */
  host: string;
  /** The publishing site's own name (an HTML page's SiteName meta tag), where known. */
  site?: string;
}

/** What a caller knows of a readout beyond its text (command-line flags): used where the text's own front matter is silent. */
export interface ReadoutDefaults {
  published?: string;
  host?: string;
  title?: string;
  url?: string;
}

export interface ReadoutFile {
  frontMatter: FrontMatter;
  /** The article body as published. */
  body: string;
  /** Offset of the body in the file text: file offset = body offset + bodyStart. */
  bodyStart: number;
  /** The text every span points into: the whole file (front matter included), so body = text.slice(bodyStart). */
  text: string;
  /** Whether the file had a front-matter block at all. */
  hasFrontMatter: boolean;
}

const FRONT = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits a readout file into its front matter and body. A file without front matter is all body
 * (title, url and published empty).
 */
export function parseReadoutFile(fileText: string): ReadoutFile {
  const text = fileText.startsWith("\uFEFF") ? fileText.slice(1) : fileText;
  const bom = fileText.length - text.length;
  const m = FRONT.exec(text);
  if (!m) {
    return {
      frontMatter: { title: "", url: "", published: "", host: "" },
      body: text,
      bodyStart: bom,
      text: fileText,
      hasFrontMatter: false,
    };
  }
  const fields: Record<string, string> = {};
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) fields[kv[1].toLowerCase()] = kv[2].trim();
  }
  let bodyStart = m[0].length;
  // The blank line after the front matter separates it from the body; it is not body text.
  const blank = /^(?:[ \t]*\r?\n)+/.exec(text.slice(bodyStart));
  if (blank) bodyStart += blank[0].length;
  return {
    frontMatter: {
      title: fields.title ?? "",
      url: fields.url ?? "",
      published: fields.published ?? "",
      host: fields.host ?? "",
      // Only where given: a text file's front matter has no site, and callers spread it into inputs.
      ...(fields.site ? { site: fields.site } : {}),
    },
    body: text.slice(bodyStart),
    bodyStart: bodyStart + bom,
    text: fileText,
    hasFrontMatter: true,
  };
}

/** The front matter with the caller's defaults filled in where it is silent. */
export function frontMatterWithDefaults(front: FrontMatter, defaults: ReadoutDefaults = {}): FrontMatter {
  const pick = (own: string, given: string | undefined) => own || given?.trim() || "";
  const filled: FrontMatter = {
    ...front,
    title: pick(front.title, defaults.title),
    url: pick(front.url, defaults.url),
    published: pick(front.published, defaults.published),
    host: pick(front.host, defaults.host),
  };
  const same = (["title", "url", "published", "host"] as const).every((k) => filled[k] === front[k]);
  return same ? front : filled;
}

/** The readout with the caller's defaults filled in where its own front matter is silent. */
export function withDefaults(file: ReadoutFile, defaults: ReadoutDefaults = {}): ReadoutFile {
  const frontMatter = frontMatterWithDefaults(file.frontMatter, defaults);
  return frontMatter === file.frontMatter ? file : { ...file, frontMatter };
}

/** Whether a published date is one the front matter takes: YYYY-MM-DD (a calendar date) or YYYY. */
export function isPublishedDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().startsWith(value);
}

/**
 * A readout file's text from its parts, as the extractor reads it: front matter, blank line,
 * body. parseReadoutFile gives the same parts back.
 */
export function readoutFileText(frontMatter: FrontMatter, body: string): string {
  const line = (v: string) => v.replace(/[\r\n]+/g, " ").trim();
  const host = frontMatter.host ? `host: ${line(frontMatter.host)}\n` : "";
  const site = frontMatter.site ? `site: ${line(frontMatter.site)}\n` : "";
  return `---\ntitle: ${line(frontMatter.title)}\nurl: ${line(frontMatter.url)}\npublished: ${line(frontMatter.published)}\n${host}${site}---\n\n${body}`;
}
