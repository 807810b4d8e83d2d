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
    },
    body: text.slice(bodyStart),
    bodyStart: bodyStart + bom,
    text: fileText,
    hasFrontMatter: true,
  };
}

/** The readout with the caller's defaults filled in where its own front matter is silent. */
export function withDefaults(file: ReadoutFile, defaults: ReadoutDefaults = {}): ReadoutFile {
  const published = file.frontMatter.published || defaults.published?.trim() || "";
  const host = file.frontMatter.host || defaults.host?.trim() || "";
  if (published === file.frontMatter.published && host === file.frontMatter.host) return file;
  return { ...file, frontMatter: { ...file.frontMatter, published, host } };
}
