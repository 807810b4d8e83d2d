import { charAt, CLAUSE_ENDS, FULL_STOPS, LIST_COMMAS, SENTENCE_ENDS, Segment, Source, splitTrimmed } from "./text";

/** The shortcomings of one assessment, with the sentence they stand in. */
export interface ShortcomingList {
  items: Segment[];
  /** The clause that states them, from its 但 to its sentence end. */
  clause: Segment;
  /** The list runs to the end of the text without its closing words (a cut-off article). */
  truncated: boolean;
  /** The list has no closing words the rules know; it was taken to the end of its clause. */
  unrecognised: boolean;
}

/** Words that turn from achievements to shortcomings at the start of a clause. */
const TURN = /^(?:但是?|不过|然而)[，\s]*/;
/** Shortcomings stated without 但: "同时也存在A、B等问题", "同时，在A、B等方面还有差距". */
const UNMARKED_TURN = /^(?:同时[，\s]*)?(?=(?:也|还|仍)(?:存在|有))|^(?:同时|此外)[，\s]*(?=在)/;
/** Adverbs between the turn and the list ("但仍存在…", "但也在…"). */
const ADVERBS = /^(?:同时|也|还|仍然|仍|依然|尚)*/;
/** "但在A、B等方面…": the list runs to 方面 (or 领域, 环节). */
const IN_ASPECTS = /^在/;
const ASPECTS_CLOSE = /等(?:方面|领域|环节)/;
/** Without 等, 方面 must be followed by closing words ("民生领域投入" keeps its 领域). */
const BARE_ASPECTS_CLOSE =
  /(?:方面|领域|环节)(?=(?:上|中)?(?:都|均)?(?:仍然|仍|还|尚|也|依然)?(?:存在|存|有|显|面临|需要|需|有待|亟待|亟需|不足|差距|短板)|[，。；！？\n]|$)/;
/** "但存在A、B等不足": the list follows 存在. */
const EXISTS = /^(?:存在|存|有)/;
/** Closing words after a list: "等方面仍存不足", "等不足", "还有差距", "仍存在短板", "有待加强"… */
const GAP_CLOSE =
  /等?(?:方面|领域|环节)?(?:上|中)?(?:都|均)?(?:仍然|仍|还|尚|也|依然)?(?:存在|存|有|显|面临)?(?:一定|一些|明显|较大|较多)?的?(?:问题和不足|不足和问题|问题与不足|短板和不足|差距和不足|短板弱项|不足|差距|短板|弱项|薄弱环节|欠缺|问题|不够|不够到位|不到位|提升空间|改进空间|差距较大)(?=[，。；！？\n]|$)/;
const IMPROVE_CLOSE =
  /等?(?:方面|领域)?(?:上)?(?:仍然|仍|还|尚|也)?(?:有待|需要|需|亟待|亟需|仍需|还需)(?:进一步|继续|持续)?(?:加强|提升|提高|改进|完善|改善|努力|下功夫|用力|加力|加大力度)(?=[，。；！？\n]|$)/;

function sentenceEnd(src: Source, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (charAt(src, i, SENTENCE_ENDS)) return i;
  return limit;
}

function clauseEnd(src: Source, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (charAt(src, i, CLAUSE_ENDS)) return i;
  return limit;
}

function skip(src: Source, at: number, rule: RegExp, limit: number): number {
  const m = rule.exec(src.match.slice(at, Math.min(limit, at + 12)));
  return m ? at + m[0].length : at;
}

/** Where the closing words start in the list text (an offset into it), or -1. */
function closeAt(text: string, inAspects: boolean): number {
  if (inAspects) {
    const m = ASPECTS_CLOSE.exec(text) ?? BARE_ASPECTS_CLOSE.exec(text);
    if (m && m.index > 0) return m.index;
  }
  let best = -1;
  for (const rule of [GAP_CLOSE, IMPROVE_CLOSE]) {
    const m = rule.exec(text);
    if (m && m.index > 0 && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

type ListForm = "aspects" | "exists" | "other";

interface ListStart {
  at: number;
  form: ListForm;
  /** Opened with 但 (or 不过, 然而); an unmarked list must have its closing words. */
  marked: boolean;
}

/** Where a shortcoming clause starts its list (after 但 and adverbs), or null when it is none. */
function listStart(src: Source, clause: number, limit: number): ListStart | null {
  const head = src.match.slice(clause, Math.min(limit, clause + 12));
  const turn = TURN.exec(head) ?? UNMARKED_TURN.exec(head);
  if (!turn) return null;
  const marked = TURN.test(head);
  let at = skip(src, clause + turn[0].length, ADVERBS, limit);
  if (IN_ASPECTS.test(src.match.slice(at, at + 1))) return { at: at + 1, form: "aspects", marked };
  const exists = EXISTS.exec(src.match.slice(at, at + 2));
  if (exists) {
    at += exists[0].length;
    return { at, form: "exists", marked };
  }
  return marked ? { at, form: "other", marked } : null;
}

/**
 * Reads the shortcoming list of a clause that starts at `clause` ("但在A、B、C等方面仍存不足",
 * "但存在A、B、C等不足", "也存在A、B等问题" and near variants), or null when the clause is not one.
 * `limit` is where the assessment ends; a list that reaches the end of the text unclosed is kept
 * as truncated.
 */
export function readShortcomings(src: Source, clause: number, limit: number): ShortcomingList | null {
  const start = listStart(src, clause, limit);
  if (!start) return null;
  const end = sentenceEnd(src, start.at, limit);
  const text = src.match.slice(start.at, end);
  // Unmarked, "在A、B等方面" could close achievements too: only gap words end such a list.
  const close = closeAt(text, start.marked && start.form === "aspects");
  const atTextEnd = end >= src.bodyEnd || src.match.slice(end, src.bodyEnd).trim() === "";
  let listEnd: number;
  let truncated = false;
  let unrecognised = false;
  if (close > 0) listEnd = start.at + close;
  else if (!start.marked) return null;
  else if (atTextEnd && !charAt(src, end, FULL_STOPS)) {
    listEnd = end;
    truncated = true;
  } else if (start.form !== "other") {
    listEnd = clauseEnd(src, start.at, end);
    unrecognised = true;
  } else return null;
  const items = splitTrimmed(src, { start: start.at, end: listEnd }, LIST_COMMAS);
  if (truncated && items.length) items.push(dropTrailingDeng(src, items.pop() as Segment));
  const clauseEndAt = end < src.bodyEnd && charAt(src, end, SENTENCE_ENDS) ? end + 1 : end;
  return { items, clause: { start: clause, end: clauseEndAt }, truncated, unrecognised };
}

// "…、村集体资产监管等" (cut off before 方面): 等 closes the list, it is not part of the item.
function dropTrailingDeng(src: Source, seg: Segment): Segment {
  const m = /等方?$/.exec(src.match.slice(seg.start, seg.end));
  return m && m.index > 0 ? { start: seg.start, end: seg.start + m.index } : seg;
}
