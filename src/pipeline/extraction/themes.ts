import { ThemeLexicon } from "../../model/theme.catalog";

const DEFAULT_RULE_WEIGHT = 4;
const NO_INDEXES: ReadonlySet<number> = new Set();

/** The themes of one text, most fitting first, and why. */
export interface ThemeTags {
  /** Top-level theme ids. */
  themes: string[];
  /** Child theme ids. */
  subthemes: string[];
  /** Theme or child id → "keyword:…", "rule:…", "context:…" or "portfolio:…". */
  reasons: Record<string, string>;
}

/** The assigned themes of the body whose report an item belongs to (see ../department/portfolio). */
export interface Portfolio {
  /** The report's subject as the text names it: the reason reads "portfolio:<subject>". */
  subject: string;
  /** Theme or child ids. */
  themes: readonly string[];
}

/** A word the tagger looks for: a keyword of some themes, or a word of a rule. */
interface Word {
  word: string;
  /** Theme indexes the word is a keyword of (with their parents), and the reason it gives. */
  themes: number[];
  reason: string;
  /** Rule groups the word belongs to: [rule index, group index]; group -1 is the rule's "none". */
  ruleGroups: Array<[number, number]>;
}

interface Hit {
  start: number;
  end: number;
  word: Word;
}

/** Per-text scratch space: scores by theme index. */
interface Scores {
  score: number[];
  first: number[];
  reason: string[];
  reasonWeight: number[];
  touched: number[];
}

/** Tags texts (in simplified script) with the lexicon's themes. */
export class ThemeTagger {
  private readonly ids: string[];
  private readonly indexOf: Map<string, number>;
  /** Portfolio lineages by the themes list (portfolios are shared by every item of a report). */
  private readonly assigned = new WeakMap<readonly string[], Set<number>>();
  private readonly isChild: boolean[];
  private readonly lineageOf: number[][];
  /** Words by the codes of their first two characters (0 for the second of a one-character word). */
  private readonly byFirstChars = new Map<number, Map<number, Word[]>>();
  // Most positions of a text start no word: these filters (a one-character word starts with the
  // character; some word starts with the pair's hash) let the scan skip them without a lookup.
  private readonly singles = new Uint8Array(0x10000);
  private readonly pairs = new Uint8Array(0x10000);
  private readonly ruleReasons: string[];
  private readonly ruleThemes: number[][];
  private readonly ruleWeights: number[];
  private readonly ruleFallback: boolean[];
  /** Where each rule's groups start in `groupFirst` (the first position of a word of each group). */
  private readonly ruleOffsets: number[];
  private readonly groupFirst: Int32Array;
  private readonly blocked: Uint8Array;

  constructor(private readonly lexicon: ThemeLexicon) {
    const all = [...lexicon.themes, ...lexicon.children];
    const index = new Map(all.map((t, i) => [t.id, i]));
    this.indexOf = index;
    this.ids = all.map((t) => t.id);
    this.isChild = all.map((t) => t.parent !== undefined);
    this.lineageOf = all.map((t, i) => (t.parent ? [i, index.get(t.parent) as number] : [i]));
    const words = new Map<string, Word>();
    const wordOf = (word: string) => {
      const w = words.get(word) ?? { word, themes: [], reason: `keyword:${word}`, ruleGroups: [] };
      words.set(word, w);
      return w;
    };
    all.forEach((theme, i) => {
      for (const word of theme.keywords) {
        const w = wordOf(word);
        // A word listed under a child and its parent counts once for the parent.
        for (const t of this.lineageOf[i]) if (!w.themes.includes(t)) w.themes.push(t);
      }
    });
    lexicon.rules.forEach((rule, r) => {
      rule.all.forEach((group, g) => group.forEach((word) => wordOf(word).ruleGroups.push([r, g])));
      (rule.none ?? []).forEach((word) => wordOf(word).ruleGroups.push([r, -1]));
    });
    this.ruleReasons = lexicon.rules.map((r) => `rule:${r.reason}`);
    this.ruleThemes = lexicon.rules.map((r) => this.lineageOf[index.get(r.theme) as number]);
    this.ruleWeights = lexicon.rules.map((r) => r.weight ?? DEFAULT_RULE_WEIGHT);
    this.ruleFallback = lexicon.rules.map((r) => r.fallback === true);
    this.ruleOffsets = [];
    let groups = 0;
    for (const r of lexicon.rules) {
      this.ruleOffsets.push(groups);
      groups += r.all.length;
    }
    this.ruleOffsets.push(groups);
    this.groupFirst = new Int32Array(groups);
    this.blocked = new Uint8Array(lexicon.rules.length);
    for (const w of words.values()) {
      const first = w.word.charCodeAt(0);
      const second = w.word.length > 1 ? w.word.charCodeAt(1) : 0;
      const inner = this.byFirstChars.get(first) ?? new Map<number, Word[]>();
      inner.set(second, [...(inner.get(second) ?? []), w]);
      this.byFirstChars.set(first, inner);
      if (second === 0) this.singles[first] = 1;
      else this.pairs[pairHash(first, second)] = 1;
    }
  }

  /**
   * The themes of a text, most fitting first, with the keyword, rule, context or portfolio behind
   * each. `meetingKind` is the kind of meeting the text comes from, for the lexicon's contexts;
   * `portfolio` the themes assigned to the body the text is about: they break ties between themes
   * of equal score, and stand in (reason "portfolio:<subject>") when the words give no theme.
   */
  tag(text: string, meetingKind?: string, portfolio?: Portfolio): ThemeTags {
    const scores: Scores = { score: [], first: [], reason: [], reasonWeight: [], touched: [] };
    const hits: Hit[] = [];
    const rules = this.scan(text, hits);
    for (const hit of hits.length > 1 ? keywordHits(hits) : hits) {
      for (const t of hit.word.themes) add(scores, t, hit.word.word.length, hit.start, hit.word.reason);
    }
    const fire = (fallback: boolean) =>
      rules.forEach((at, r) => {
        if (at < 0 || this.ruleFallback[r] !== fallback) return;
        for (const t of this.ruleThemes[r]) add(scores, t, this.ruleWeights[r], at, this.ruleReasons[r]);
      });
    fire(false);
    // Generic words (a campaign of 整治) name a field only where nothing else does.
    if (!scores.touched.length) fire(true);
    const assigned = this.portfolioIndexes(portfolio);
    const preferred = (t: number) => (assigned.size && this.lineageOf[t].some((i) => assigned.has(i)) ? 1 : 0);
    const ranked = scores.touched.sort(
      (a, b) =>
        scores.score[b] - scores.score[a] || preferred(b) - preferred(a) || scores.first[a] - scores.first[b] || a - b,
    );
    const tags: ThemeTags = { themes: [], subthemes: [], reasons: {} };
    for (const t of ranked) this.give(tags, t, scores.reason[t]);
    if (!ranked.length && portfolio) {
      for (const id of portfolio.themes) {
        const t = this.indexOf.get(id);
        if (t === undefined) continue;
        for (const l of this.lineageOf[t])
          if (!tags.reasons[this.ids[l]]) this.give(tags, l, `portfolio:${portfolio.subject}`);
      }
    }
    // Contexts never reorder what the text says; they add their theme after it.
    for (const c of this.lexicon.contexts) {
      if (c.meetingKind !== meetingKind) continue;
      for (const t of this.lineageOf[this.indexOf.get(c.theme) as number]) {
        if (!tags.reasons[this.ids[t]]) this.give(tags, t, `context:${c.reason}`);
      }
    }
    return tags;
  }

  // The portfolio's themes with their parents, by index; ids the lexicon does not know are left out.
  private portfolioIndexes(portfolio: Portfolio | undefined): ReadonlySet<number> {
    if (!portfolio) return NO_INDEXES;
    let out = this.assigned.get(portfolio.themes);
    if (!out) {
      out = new Set<number>();
      for (const id of portfolio.themes) {
        const t = this.indexOf.get(id);
        if (t !== undefined) for (const l of this.lineageOf[t]) out.add(l);
      }
      this.assigned.set(portfolio.themes, out);
    }
    return out;
  }

  private give(tags: ThemeTags, t: number, reason: string): void {
    tags.reasons[this.ids[t]] = reason;
    (this.isChild[t] ? tags.subthemes : tags.themes).push(this.ids[t]);
  }

  /** Finds the words of the lexicon in the text; returns, per rule, where it fires (or -1). */
  private scan(text: string, hits: Hit[]): number[] {
    this.groupFirst.fill(-1);
    this.blocked.fill(0);
    for (let i = 0; i < text.length; i++) {
      const first = text.charCodeAt(i);
      const second = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (second && this.pairs[pairHash(first, second)])
        this.scanAt(text, i, this.byFirstChars.get(first)?.get(second), hits);
      if (this.singles[first]) this.scanAt(text, i, this.byFirstChars.get(first)?.get(0), hits);
    }
    return this.ruleReasons.map((_, r) => {
      if (this.blocked[r]) return -1;
      let at = -1;
      for (let g = this.ruleOffsets[r]; g < this.ruleOffsets[r + 1]; g++) {
        if (this.groupFirst[g] < 0) return -1;
        at = at < 0 ? this.groupFirst[g] : Math.min(at, this.groupFirst[g]);
      }
      return at;
    });
  }

  private scanAt(text: string, i: number, candidates: Word[] | undefined, hits: Hit[]): void {
    if (!candidates) return;
    for (const w of candidates) {
      if (!text.startsWith(w.word, i)) continue;
      if (w.themes.length) hits.push({ start: i, end: i + w.word.length, word: w });
      for (const [r, g] of w.ruleGroups) {
        if (g < 0) this.blocked[r] = 1;
        else if (this.groupFirst[this.ruleOffsets[r] + g] < 0) this.groupFirst[this.ruleOffsets[r] + g] = i;
      }
    }
  }
}

function pairHash(first: number, second: number): number {
  return (first * 31 + second) & 0xffff;
}

// Each word counts once; where keywords overlap the longest wins ("营商环境" is business
// environment, not "环境").
function keywordHits(hits: Hit[]): Hit[] {
  const seen = new Set<Word>();
  return hits.filter((h) => {
    const inside = hits.some((o) => o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start);
    if (inside || seen.has(h.word)) return false;
    seen.add(h.word);
    return true;
  });
}

function add(scores: Scores, t: number, weight: number, at: number, reason: string): void {
  if (scores.score[t] === undefined) {
    scores.score[t] = weight;
    scores.first[t] = at;
    scores.reason[t] = reason;
    scores.reasonWeight[t] = weight;
    scores.touched.push(t);
    return;
  }
  scores.score[t] += weight;
  scores.first[t] = Math.min(scores.first[t], at);
  if (weight > scores.reasonWeight[t]) {
    scores.reason[t] = reason;
    scores.reasonWeight[t] = weight;
  }
}
