import { IMPERATIVE, NARRATION } from "./cues";
import { charCodes, Segment, Source, splitTopLevel, trimSegment } from "./text";
import { WordIndex } from "./words";

const SEMICOLONS = charCodes("；");
const CLAUSE_MARKS = charCodes("，：");

/** One directive as found: its text, the sentence it stands in, whom it names. */
export interface DirectiveHit {
  text: Segment;
  sentence: Segment;
  addressees: Segment[];
}

/**
 * 要 as a modal verb ("要完整准确全面贯彻…", "不要"), not inside 重要/主要/需要/要求/要点… . Also
 * 要求 opening a clause ("，要求系统总结…"), and the other modals of the genre.
 */
const MODAL =
  /(?<![重主需必只纪摘提首简概扼紧险政显次想将快])要(?![求点素闻害件务地塞领旨义么是员职冲道])|(?:^|[，：])要求(?=[\u4e00-\u9fff“])|必须|务必|应当/;

/** Modal verbs right after an addressee ("市国资委要…"). */
const MODAL_VERBS = new WordIndex(["要", "应当", "应", "须", "必须", "务必"]);
/** Addressees that name no one in particular. */
const GENERIC = /^(?:各级|各区|各部门|各单位|全市|全区|各街道|各乡镇|各街乡镇|有关|相关|广大|各)/;
/** Addressees that are groups of people, not departments ("党组（党委）书记要…", "各级干部"). */
const PEOPLE = /(?:书记|干部|一把手|同志|领导|班子|党员|”)$/;
/** An addressee is a department: its name ends in an organisation word. */
const ORG_END = /(?:委|局|办|区|县|镇|乡|街道|热线|中心|部门|单位|企业|集团|公司|管委会|政府|系统)$/;
/** Enumeration words before a directive ("一是", "首先，"). */
const ORDINAL =
  /^(?:[一二三四五六七八九十]是|[一二三四五六七八九十]要(?=[\u4e00-\u9fff])|第[一二三四五六七八九十]+[，、]|首先[，、]?|其次[，、]?|再次[，、]?)/;
/** Clauses that narrate (who met, what was reviewed) before the directive proper starts. */
const NARRATED_LEAD = /会议|会上|召开|点评会|主题是|通报|点评|\d{1,2}月\d{1,2}日/;
/** The longest addressee looked for before the verb. */
const MAX_ADDRESSEE = 24;

function verbAt(text: string, i: number): boolean {
  return IMPERATIVE.at(text, i) !== null || MODAL_VERBS.at(text, i) !== null;
}

function firstClauseEnd(text: string): number {
  const m = /[，：；]/.exec(text);
  return m ? m.index : text.length;
}

/** The addressee span before the directive's verb, and whether it is a department. */
function leadingAddressee(text: string): { length: number; department: boolean } | null {
  const clause = text.slice(0, firstClauseEnd(text));
  for (let i = 2; i <= Math.min(MAX_ADDRESSEE, clause.length - 1); i++) {
    if (!verbAt(clause, i)) continue;
    const who = clause.slice(0, i);
    if (GENERIC.test(who) || PEOPLE.test(who)) return { length: i, department: false };
    if (ORG_END.test(who)) return { length: i, department: true };
  }
  return null;
}

/** Whether a clause opens with an imperative verb, with or without an addressee before it. */
function opensImperatively(text: string): boolean {
  if (IMPERATIVE.at(text) !== null) return true;
  const who = leadingAddressee(text);
  return who !== null && IMPERATIVE.at(text, who.length) !== null;
}

function addresseesOf(src: Source, seg: Segment): Segment[] {
  const at = seg.start;
  const text = src.match.slice(at, Math.min(seg.end, at + MAX_ADDRESSEE + 8));
  const who = leadingAddressee(text);
  if (!who || !who.department) return [];
  const out: Segment[] = [];
  let from = 0;
  const names = text.slice(0, who.length);
  for (const m of [...names.matchAll(/、|和|及/g), null]) {
    const end = m ? (m.index ?? 0) : names.length;
    if (ORG_END.test(names.slice(from, end))) out.push({ start: at + from, end: at + end });
    from = end + (m ? m[0].length : 0);
  }
  return out;
}

// "会议还对“每月一题”完成情况进行点评，3月主题是…，要继续抓好…": the directive starts at its 要
// clause when the clauses before it narrate; otherwise the whole sentence is the directive.
function directiveStart(src: Source, part: Segment): number {
  const text = src.match.slice(part.start, part.end);
  if (MODAL.test(text.slice(0, firstClauseEnd(text)))) return part.start;
  const clauses = splitTopLevel(src, part, CLAUSE_MARKS);
  const k = clauses.findIndex((c) => MODAL.test(src.match.slice(c.start, c.end)));
  if (k <= 0) return part.start;
  const lead = clauses.slice(0, k).some((c) => NARRATED_LEAD.test(src.match.slice(c.start, c.end)));
  return lead ? clauses[k].start : part.start;
}

function stripOrdinal(src: Source, at: number, end: number): number {
  const m = ORDINAL.exec(src.match.slice(at, Math.min(end, at + 6)));
  if (!m) return at;
  // "二要加强…": the 要 is the modal of the directive and stays.
  return at + (m[0].endsWith("要") ? m[0].length - 1 : m[0].length);
}

/**
 * Reads the directives of a readout: every sentence (or "；" part) outside the assessments that
 * is phrased as an instruction — with 要/要求/必须 anywhere, or, after the meeting turns to its
 * directions ("会议强调，"), opening with an imperative verb.
 */
export function readDirectives(src: Source, skip: Segment[], intro: RegExp): DirectiveHit[] {
  const out: DirectiveHit[] = [];
  const intros = new RegExp(intro.source, "g");
  let inDirections = false;
  for (const sentence of src.sentences) {
    if (skip.some((s) => sentence.start < s.end && sentence.end > s.start)) {
      inDirections = false;
      continue;
    }
    const text = src.match.slice(sentence.start, sentence.end);
    const from = afterNarration(text);
    if (from < 0) continue;
    const introAt = lastIntro(text, intros);
    if (introAt > 0) inDirections = true;
    const rest = { start: sentence.start + Math.max(from, introAt), end: sentence.end };
    for (const part of text.includes("；") ? splitTopLevel(src, rest, SEMICOLONS) : [rest]) {
      const hit = readPart(src, part, inDirections, sentence);
      if (hit) out.push(hit);
    }
  }
  return out;
}

/** "…逐一点评，要求…": after narrating, a sentence may go on to what was required. */
const REQUIRED_AFTER = /[，；]要求(?=[\u4e00-\u9fff“])/g;

/** Where a sentence's directions may start: 0, past its narration to a 要求 clause, or -1 for a sentence that only narrates. */
function afterNarration(text: string): number {
  const narrated = NARRATION.exec(text);
  if (!narrated) return 0;
  for (const m of text.matchAll(REQUIRED_AFTER)) if ((m.index ?? 0) > narrated.index) return (m.index ?? 0) + 1;
  return -1;
}

/** Where the directions start after the last introduction in a sentence ("会议强调，"), or 0. */
function lastIntro(text: string, intros: RegExp): number {
  let at = 0;
  for (const m of text.matchAll(intros)) at = (m.index ?? 0) + m[0].length;
  return at;
}

function readPart(src: Source, part: Segment, inDirections: boolean, sentence: Segment): DirectiveHit | null {
  const trimmed = trimSegment(src, part);
  if (!trimmed) return null;
  const text = src.match.slice(trimmed.start, trimmed.end);
  const modal = MODAL.test(text);
  const start = stripOrdinal(src, modal ? directiveStart(src, trimmed) : trimmed.start, trimmed.end);
  if (!modal && !(inDirections && opensImperatively(src.match.slice(start, trimmed.end)))) return null;
  const seg = trimSegment(src, { start, end: trimmed.end });
  if (!seg || seg.end - seg.start < 4) return null;
  return { text: seg, sentence, addressees: addresseesOf(src, seg) };
}
