/** Front matter of a readout file (see the corpus README). */
export interface FrontMatter {
  title: string;
  url: string;
  /** YYYY-MM-DD, or YYYY where only the year is known. */
  published: string;
}

export interface ReadoutFile {
  frontMatter: FrontMatter;
  /** The article body as published. */
  body: string;
  /** Offset of the body in the file text: file offset = body offset + bodyStart. */
  bodyStart: number;
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
  if (!m) return { frontMatter: { title: "", url: "", published: "" }, body: text, bodyStart: bom };
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
    frontMatter: { title: fields.title ?? "", url: fields.url ?? "", published: fields.published ?? "" },
    body: text.slice(bodyStart),
    bodyStart: bodyStart + bom,
  };
}
