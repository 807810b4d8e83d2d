import { toSimplified } from "../../platform/text/chinese";
import { Span } from "./extraction.types";

/** A stretch of the file text: [start, end) in UTF-16 code units. */
export interface Segment {
  start: number;
  end: number;
}

/**
 * A readout as the rules see it. `original` is the file text as read, `match` a copy of the same
 * length in which the rules look for phrasings (simplified script, ASCII digits, Chinese
 * punctuation), so an offset found in `match` points at the same character in `original`.
 */
export interface Source {
  readonly original: string;
  readonly match: string;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** The sentences of the body, in order (see sentencesIn). */
  readonly sentences: Segment[];
}

/**
 * A set of punctuation and space characters, tested by code unit in the loops over the text.
 * Han characters, most of any readout, are never in one and are turned away first.
 */
export class CharSet {
  private readonly ascii = new Uint8Array(128);
  private readonly others: number[] = [];

  constructor(chars: string) {
    for (const ch of chars) {
      const code = ch.charCodeAt(0);
      if (code < 128) this.ascii[code] = 1;
      else this.others.push(code);
    }
  }

  /** Whether the code unit is in the set (false for NaN, as charCodeAt gives out of range). */
  has(code: number): boolean {
    if (code < 128) return this.ascii[code] === 1;
    if (code >= 0x3400 && code <= 0x9fff) return false;
    return this.others.includes(code);
  }
}

/** The set of the given characters. */
export function charCodes(chars: string): CharSet {
  return new CharSet(chars);
}

/** Whether the character at i is in the set (false out of range). */
export function charAt(src: Pick<Source, "match">, i: number, set: CharSet): boolean {
  return set.has(src.match.charCodeAt(i));
}

/** Where a sentence or clause ends. */
export const SENTENCE_END = "。！？!?\n";
export const SENTENCE_ENDS = charCodes(SENTENCE_END);
/** Full stops (a line break ends a sentence but is no full stop). */
export const FULL_STOPS = charCodes("。！？!?");
/** Where clauses end inside a sentence. */
export const CLAUSE_ENDS = charCodes("，；");
/** Between the items of a list. */
export const LIST_COMMAS = charCodes("、");
const CLOSING_QUOTES = charCodes("”’」』》）)");
const OPENING_BRACKETS = charCodes("“‘「『《（(〈【");
const CLOSING_BRACKETS = charCodes("”’」』》）)〉】");
const SPACES = charCodes(" \t\u3000\u00a0");
const CLAUSE_STARTERS = charCodes("，；：");
/** Characters trimmed from both ends of an item. */
const EDGE = charCodes(" \t\r\n\u3000\u00a0，、；：,;:。！？!?");

/** Characters the matching copy writes another way. */
const NORMALISED = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a;()\r,]/g;

/** Per BMP code unit: 0 not yet known, 1 the same in simplified script, 2 written otherwise. */
const scriptOfChar = new Uint8Array(0x10000);

// Most readouts are in simplified script already: a memo of single characters tells them apart
// without running the phrase-aware converter over the whole text.
function mayBeTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400) continue;
    if (scriptOfChar[code] === 0) scriptOfChar[code] = toSimplified(text[i]) === text[i] ? 1 : 2;
    if (scriptOfChar[code] === 2) return true;
  }
  return false;
}

/** Builds the matching copy of a text (same length). */
export function matchCopy(text: string): string {
  const simplified = mayBeTraditional(text) ? toSimplified(text) : text;
  return simplified.replace(NORMALISED, (ch: string, i: number) => normaliseChar(simplified, ch, i));
}

// Full-width digits and letters become ASCII and ASCII punctuation becomes Chinese, so that one
// rule covers every way a newsroom types them; each replacement is one code unit for one.
function normaliseChar(text: string, ch: string, i: number): string {
  if (ch.charCodeAt(0) >= 0xff10) return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  switch (ch) {
    case ";":
      return "；";
    case "(":
      return "（";
    case ")":
      return "）";
    case "\r":
      return "\n";
    case ",":
      return isDigit(text[i - 1]) && isDigit(text[i + 1]) ? ch : "，";
    default:
      return ch;
  }
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

/** Makes a Source of a file text whose body starts at bodyStart. */
export function makeSource(original: string, bodyStart: number): Source {
  const match = matchCopy(original);
  return {
    original,
    match,
    bodyStart,
    bodyEnd: original.length,
    sentences: sentencesIn({ match }, bodyStart, original.length),
  };
}

/** Narrows a segment past edge whitespace and punctuation; null when nothing is left. */
export function trimSegment(src: Source, seg: Segment): Segment | null {
  let { start, end } = seg;
  while (start < end && charAt(src, start, EDGE)) start++;
  while (end > start && charAt(src, end - 1, EDGE)) end--;
  return end > start ? { start, end } : null;
}

/** A segment as a span of the extraction format. */
export function toSpan(seg: Segment): Span {
  return [seg.start, seg.end];
}

/**
 * Splits a segment at any of `separators` outside quotes and brackets (“五年任务、三年完成” stays
 * whole). Brackets left open at the end (a typo or a cut-off article) make it split everywhere.
 */
export function splitTopLevel(src: Source, seg: Segment, separators: CharSet): Segment[] {
  return splitAt(src, seg, separators, true) ?? splitAt(src, seg, separators, false) ?? [seg];
}

function splitAt(src: Source, seg: Segment, separators: CharSet, nested: boolean): Segment[] | null {
  const parts: Segment[] = [];
  let depth = 0;
  let from = seg.start;
  for (let i = seg.start; i < seg.end; i++) {
    const ch = src.match.charCodeAt(i);
    if (nested && OPENING_BRACKETS.has(ch)) depth++;
    else if (nested && CLOSING_BRACKETS.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.has(ch)) {
      parts.push({ start: from, end: i });
      from = i + 1;
    }
  }
  if (nested && depth > 0) return null;
  parts.push({ start: from, end: seg.end });
  return parts;
}

/** Splits a segment into trimmed, non-empty pieces at the separators. */
export function splitTrimmed(src: Source, seg: Segment, separators: CharSet): Segment[] {
  const out: Segment[] = [];
  for (const part of splitTopLevel(src, seg, separators)) {
    const t = trimSegment(src, part);
    if (t) out.push(t);
  }
  return out;
}

/**
 * The sentences of [from, to): each runs to its 。！？ or line break inclusive (and a closing quote
 * right after it), so that sentences tile the range.
 */
export function sentencesIn(src: Pick<Source, "match">, from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (!charAt(src, i, SENTENCE_ENDS)) continue;
    let end = i + 1;
    while (end < to && charAt(src, end, CLOSING_QUOTES)) end++;
    out.push({ start, end });
    start = end;
    i = end - 1;
  }
  if (start < to) out.push({ start, end: to });
  return out;
}

/** Whether position i starts a sentence of the body (or the body itself). */
export function atSentenceStart(src: Source, i: number): boolean {
  let j = i - 1;
  while (j >= src.bodyStart && charAt(src, j, SPACES)) j--;
  // "……。”" ends a sentence too.
  let k = j;
  while (k >= src.bodyStart && charAt(src, k, CLOSING_QUOTES)) k--;
  if (k < j && k >= src.bodyStart && !charAt(src, k, SENTENCE_ENDS)) return false;
  return k < src.bodyStart || charAt(src, k, SENTENCE_ENDS);
}

/** Whether position i starts a clause (after a sentence end, comma, semicolon or colon). */
export function atClauseStart(src: Source, i: number): boolean {
  return atSentenceStart(src, i) || (i > src.bodyStart && charAt(src, i - 1, CLAUSE_STARTERS));
}

/** Index of the sentence containing position i in a sorted sentence list, or -1. */
export function sentenceIndexAt(sentences: Segment[], i: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (i < sentences[mid].start) hi = mid - 1;
    else if (i >= sentences[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
