import { toSimplified } from "../../platform/text/chinese";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** The search words of a user query: simplified script, split on whitespace, at most 10. */
export function searchTerms(query: string): string[] {
  return toSimplified(query)
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, ""))
    .filter((w) => w.length > 0)
    .slice(0, 10);
}

/**
 * A Lucene query for the CJK full-text index: each word as a phrase (its bigrams in sequence, so
 * "三重一大" does not match any text with "一大"), all words required.
 */
export function luceneQuery(terms: string[]): string {
  return terms.map((t) => `"${t}"`).join(" AND ");
}

/** A window of `text` around the first match of any term, with the matches' ranges in it. */
export function snippetOf(
  text: string,
  terms: string[],
  radius = 30,
): { snippet: string; highlights: { start: number; end: number }[] } {
  const simplified = toSimplified(text);
  const first = Math.min(...terms.map((t) => simplified.indexOf(t)).filter((i) => i >= 0), text.length);
  const from = first === text.length ? 0 : Math.max(0, first - radius);
  const to = Math.min(text.length, (first === text.length ? 0 : first) + radius * 2);
  const prefix = from > 0 ? "…" : "";
  const snippet = prefix + text.slice(from, to) + (to < text.length ? "…" : "");
  const highlights: { start: number; end: number }[] = [];
  const window = simplified.slice(from, to);
  for (const t of terms) {
    for (let i = window.indexOf(t); i >= 0; i = window.indexOf(t, i + t.length)) {
      highlights.push({ start: prefix.length + i, end: prefix.length + i + t.length });
    }
  }
  highlights.sort((a, b) => a.start - b.start);
  return { snippet, highlights };
}
