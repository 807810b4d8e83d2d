import { decodeHtml, decodeReadout } from "./decode";
import { NOT_A_READOUT } from "./extract";
import { Extraction } from "./extraction.types";
import { looksLikeHtml, parseHtmlReadout } from "./html";
import { parseReadoutFile, ReadoutDefaults, ReadoutFile, withDefaults } from "./readout";

/** What an input is: a readout file (front matter, blank line, body) or a page saved from a site. */
export type ReadoutFormat = "text" | "html";

/** How to read an input: its format when known (else told from its content), and the caller's defaults. */
export interface ReadOptions {
  format?: ReadoutFormat;
  defaults?: ReadoutDefaults;
}

/** An input read as a readout, and which format it was read as. */
export interface ReadInput {
  file: ReadoutFile;
  format: ReadoutFormat;
}

/** The format a file's name says (.html / .htm, .txt), undefined when it says neither. */
export function formatOfPath(path: string): ReadoutFormat | undefined {
  if (/\.html?$/i.test(path)) return "html";
  if (/\.txt$/i.test(path)) return "text";
  return undefined;
}

/** Reads decoded input as a readout; a page (by `format`, else by its opening tags) through the HTML reader. */
export function readReadoutText(text: string, options: ReadOptions = {}): ReadInput {
  const format = options.format === "html" || looksLikeHtml(text) ? "html" : "text";
  const file =
    format === "html"
      ? parseHtmlReadout(text, options.defaults)
      : withDefaults(parseReadoutFile(text), options.defaults);
  return { file, format };
}

/**
 * Decodes raw input (refusing empty, binary, oversized or undecodable bytes with a
 * ReadoutInputError) and reads it as a readout. A page may be in the GBK or Big5 it declares.
 */
export function readReadoutBytes(bytes: Uint8Array, options: ReadOptions = {}): ReadInput {
  const text = options.format === "html" ? decodeHtml(bytes) : decodeReadout(bytes);
  return readReadoutText(text, options);
}

/**
 * Why a readout cannot be dated, or null when it can: it is a readout, the text does not date its
 * meeting by itself (no date, or one without a year), and nothing gave a publication date to
 * resolve it against. `flag` is how the caller gives one (`--published`, `input.published`).
 */
export function undatedReason(input: ReadInput, extraction: Extraction, flag: string): string | null {
  if (extraction.meeting.date || input.file.frontMatter.published) return null;
  if (extraction.warnings.includes(NOT_A_READOUT)) return null;
  const where =
    input.format === "html"
      ? "the page has no date meta tag and no date line"
      : input.file.hasFrontMatter
        ? "its front matter has no published date"
        : "it has no front matter";
  return `no publication date: ${where}, and the text does not date its meeting by itself; give ${flag} YYYY-MM-DD`;
}
