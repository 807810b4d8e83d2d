import { IMPERATIVE } from "./cues";
import {
  charAt,
  charCodes,
  CLAUSE_ENDS,
  FULL_STOPS,
  LIST_COMMAS,
  SENTENCE_ENDS,
  Segment,
  Source,
  splitTopLevel,
  splitTrimmed,
  trimSegment,
} from "./text";

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

/**
 * A clause that states a gap: "不够深入", "仍不充足", "还有短板弱项", "有欠缺", "基础不牢", "还需加强",
 * "有待提升", "还有差距". Shortcomings written as plain clauses after 但 are the clauses that say one.
 */
const DEFICIT = new RegExp(
  [
    "不够|不足|不充[足分]|不到位|不平衡|不均衡|不协调|不牢|不实|不强|不高|不优|不快|不大|不深|不细|不严|不紧|不畅|不广",
    "不明显|不完善|不健全|不规范|不精准|不及时|不全面|不彻底|不扎实|不理想|不匹配|不适应|不稳固|不突出|不顺畅|不多",
    "欠缺|欠账|短板|弱项|薄弱|滞后|偏低|偏弱|偏慢|偏少|偏高|较慢|较低|较弱|较少|差距|缺乏|缺少|缺口",
    "有待|亟待|亟需|急需|还需|仍需|尚需|需进一步|需要进一步|需加强|需要加强|需提升|需提高|需优化|需完善",
    "问题(?:突出|较多|较为突出|仍然存在|依然存在|仍存在)|压力(?:较大|大|不小)|难度(?:较大|大)|瓶颈|制约|隐患",
    "下滑|放缓|落后|靠后|没有完全|还没有|还没|仍没有|未能|未完全|尚未|仍未|不同程度",
  ].join("|"),
);
/** What the speaker says before the gaps: "但也要看到，", "但对照高质量发展要求，", "但工作中还存在一些不足，". */
const LEAD_IN = [
  /^(?:也|还|同时)?(?:要|应|需要|必须)?(?:清醒|清醒地|客观)?(?:看到|认识到)$/,
  /^(?:对照|对标|比照|与|同|相比)[^，]{0,24}(?:要求|标准|目标|期待|期盼|相比|比较|来看)$/,
  /^(?:在|从)?(?:工作中|有些方面|一些方面|个别方面|某些方面|部分工作|个别工作|工作上)?(?:也|还|仍|依然)?(?:存在|有)(?:着)?(?:一些|一定的?|不少|若干)?(?:问题和不足|不足和问题|问题|不足|差距|短板|薄弱环节)$/,
];
/** Turns that open gaps written as plain clauses ("但A不够深入，B仍不充足"). */
const PLAIN_TURN = /^(?:但是?|不过|然而|同时)[，\s]*/;
/** A clause that directs rather than states ("要进一步加强…"): the gaps have ended. */
const MODAL_START = /^(?:要(?![素求件点害事案地])|必须|务必|需要|应当|应该|应(?![急用对变届]))(?![^，]*(?:不够|不足))/;
/** Between the clauses of a sentence. */
const CLAUSE_SEPARATORS = charCodes("，；");
/** Between the items of a list that uses both separators ("A、B管理，C"): "，" splits, "、" stays inside. */
const LIST_CLAUSE_COMMAS = charCodes("，");
/** "C和以D破解E": 和 between two items where what follows is a phrase of its own (a preposition or verb). */
const CONJUNCTION = /和|及|以及|并/g;
const PHRASE_START = /^(?:以|在|对|从|把|向|用|通过|按照|围绕)/;
/** Items a list names that name no gap in particular ("工作中", "一些方面"). */
const GENERIC_ITEM = /^(?:在)?(?:工作中|工作上|一些方面|有些方面|个别方面|某些方面|部分工作|个别工作|一些|个别|部分)$/;

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
 * Reads the shortcomings of a clause that starts at `clause`: a list ("但在A、B、C等方面仍存不足",
 * "但存在A、B、C等不足", "也存在A、B等问题" and near variants, with "、" and "，" mixed), or gaps
 * written as plain clauses after 但/但是/同时 ("但A不够深入，B仍不充足，C还有短板弱项", each clause one
 * item). Null when the clause is neither. `limit` is where the assessment ends; a list that
 * reaches the end of the text unclosed is kept as truncated.
 */
export function readShortcomings(src: Source, clause: number, limit: number): ShortcomingList | null {
  const start = listStart(src, clause, limit);
  const end = sentenceEnd(src, start?.at ?? clause, limit);
  const clauseEndAt = end < src.bodyEnd && charAt(src, end, SENTENCE_ENDS) ? end + 1 : end;
  const asList = start ? readList(src, start, end) : null;
  if (asList) return { ...asList, clause: { start: clause, end: clauseEndAt } };
  const items = plainClauses(src, clause, end);
  if (!items.length) return null;
  return { items, clause: { start: clause, end: clauseEndAt }, truncated: false, unrecognised: false };
}

type ListRead = Omit<ShortcomingList, "clause">;

// The list forms: 在…等方面…, 存在…等…, …等仍需加强. Null when the clause is not one of them.
function readList(src: Source, start: ListStart, end: number): ListRead | null {
  const text = src.match.slice(start.at, end);
  // Unmarked, "在A、B等方面" could close achievements too: only gap words end such a list.
  const close = closeAt(text, start.marked && start.form === "aspects");
  const atTextEnd = end >= src.bodyEnd || src.match.slice(end, src.bodyEnd).trim() === "";
  if (close > 0) {
    const listText = text.slice(0, close);
    // "在A上还有差距" and "A不够深入，B还有短板" are gaps stated as clauses, not lists of aspects.
    const listed = /^(?:等|方面|领域|环节)/.test(text.slice(close)) || listText.includes("、");
    if (start.form === "other" ? !/^等/.test(text.slice(close)) : !listed) return null;
    if (start.form === "other" && listText.includes("，")) return null;
    return { items: listItems(src, { start: start.at, end: start.at + close }), truncated: false, unrecognised: false };
  }
  if (!start.marked) return null;
  if (atTextEnd && !charAt(src, end, FULL_STOPS)) {
    const items = listItems(src, { start: start.at, end });
    if (items.length) items.push(dropTrailingDeng(src, items.pop() as Segment));
    return { items, truncated: true, unrecognised: false };
  }
  if (start.form === "other") return null;
  return {
    items: listItems(src, { start: start.at, end: clauseEnd(src, start.at, end) }),
    truncated: false,
    unrecognised: true,
  };
}

/**
 * The items of a list as a reader sees them. A list that uses "，" between items uses "、" inside
 * them ("安全、消防管理，垃圾分类"), and there 和 also separates two items when a phrase of its own
 * follows it ("垃圾分类和以数字化手段破解停车难"); a list without "，" splits at every "、".
 */
function listItems(src: Source, seg: Segment): Segment[] {
  const clauses = splitTrimmed(src, seg, LIST_CLAUSE_COMMAS);
  const items =
    clauses.length > 1 ? clauses.flatMap((c) => splitAtPhrase(src, c)) : splitTrimmed(src, seg, LIST_COMMAS);
  return items.filter((item) => !GENERIC_ITEM.test(src.match.slice(item.start, item.end)));
}

function splitAtPhrase(src: Source, seg: Segment): Segment[] {
  const text = src.match.slice(seg.start, seg.end);
  for (const m of text.matchAll(CONJUNCTION)) {
    const at = m.index ?? 0;
    const rest = text.slice(at + m[0].length);
    if (at < 2 || rest.length < 2 || !(PHRASE_START.test(rest) || IMPERATIVE.at(rest) !== null)) continue;
    const left = trimSegment(src, { start: seg.start, end: seg.start + at });
    const right = trimSegment(src, { start: seg.start + at + m[0].length, end: seg.end });
    if (left && right) return [left, ...splitAtPhrase(src, right)];
  }
  return [seg];
}

// "但A不够深入，B仍不充足，C还有短板弱项。": after the turn (and what introduces the gaps), each
// clause that states a gap is one item, up to the first clause that states none.
function plainClauses(src: Source, clause: number, end: number): Segment[] {
  const turn = PLAIN_TURN.exec(src.match.slice(clause, Math.min(end, clause + 4)));
  if (!turn) return [];
  // "同时，加强…" goes on with achievements: after 同时 only a clause that states a gap turns.
  const loose = turn[0].startsWith("同时");
  const items: Segment[] = [];
  let leading = true;
  for (const part of splitTopLevel(src, { start: clause + turn[0].length, end }, CLAUSE_SEPARATORS)) {
    const seg = trimSegment(src, part);
    if (!seg) continue;
    const text = src.match.slice(seg.start, seg.end);
    if (leading && LEAD_IN.some((rule) => rule.test(text))) continue;
    // After 同时 a clause that opens with a verb ("加强…", "全面从严治党有欠缺") is a gap only when it
    // ends stating one; "同时，加强薄弱环节建设" goes on with the achievements.
    if (leading && loose && IMPERATIVE.at(text) !== null && !DEFICIT.test(text.slice(-4))) break;
    leading = false;
    if (!DEFICIT.test(text) || MODAL_START.test(text)) break;
    items.push(seg);
  }
  return items;
}

// "…、村集体资产监管等" (cut off before 方面): 等 closes the list, it is not part of the item.
function dropTrailingDeng(src: Source, seg: Segment): Segment {
  const m = /等方?$/.exec(src.match.slice(seg.start, seg.end));
  return m && m.index > 0 ? { start: seg.start, end: seg.start + m.index } : seg;
}
