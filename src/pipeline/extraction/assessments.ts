import { ORG_NAME_END } from "./cues";
import { readShortcomings, ShortcomingList } from "./shortcomings";
import { Speaker } from "./speakers";
import {
  charAt,
  charCodes,
  FULL_STOPS,
  atClauseStart,
  atSentenceStart,
  Segment,
  SENTENCE_END,
  Source,
  sentenceIndexAt,
  splitTopLevel,
  splitTrimmed,
  trimSegment,
} from "./text";

/** One assessment: a subject (one speaker, or several commented on together) and its items. */
export interface Assessment {
  /** Indexes of the speakers (in the speaker list) the assessment covers. */
  speakers: number[];
  /** The subject's name as the report gives it (original script). */
  subject: string;
  /** The whole assessment, from its subject to its last item's sentence end; null when not found. */
  extent: Segment | null;
  achievements: Segment[];
  shortcomings: Segment[];
  warnings: string[];
}

/** The fuller name a speaker list abbreviates ("石景山" → "石景山区"), read after the name in the text. */
const PLACE_END = /台$/;
const NAME_SUFFIX = /^(?:区|县|镇|乡|街道|地区|集团)/;
/** A body's party organ or its leader after the name ("旧县镇党委深化…", "区科委党组书记"): part of the subject phrase, not of its first item. */
const ORGAN_AFTER_NAME =
  /^(?:党组（党委）|党委（党组）|党（工）委|党工委|党委|党组)?(?:书记|主要负责同志|主要负责人|负责同志)?/;
/** A speaker's name followed by 要… opens a directive to it, not its assessment. */
const MODAL_AFTER_NAME = /^(?:要|应|须|必须|务必|需要|需)/;
/** Words that join two subjects commented on together. */
const JOINT = /^(?:、|和|及|与)/;
/** Shorter forms the assessment may use: without 北京(市), without the district of a street. */
const SHORT_FORMS = [/^北京市?/, /^[\u4e00-\u9fff]{1,4}区(?=[\u4e00-\u9fff]{2,}(?:街道|镇|乡|地区))/];
/** After these a clause may turn to shortcomings. */
const TURN_POINTS = charCodes("。；，\n");
/** Where achievements split: between items and between sentences. */
const ACHIEVEMENT_SEPARATORS = charCodes("；" + SENTENCE_END);
/** Where achievements split in an assessment that has no "；": its clauses are its items. */
const ACHIEVEMENT_CLAUSES = charCodes("，；" + SENTENCE_END);
const SEMICOLON = charCodes("；");
/**
 * A clause that goes on with the one before rather than naming an achievement of its own: a share
 * or ranking of what was just said ("占全区总数的55%", "同比增长23%", "位居全区第一"), an example
 * ("其中…", "特别是…"), or a result ("从而…").
 */
const CONTINUATION =
  /^(?:其中|特别是|尤其是|占|同比|环比|较上年|比上年|较去年|比去年|位居|位列|居全|排名|排在|增幅|增速|分别|均|从而|进而|为全|列全|创历史|实现了?[\d一二三四五六七八九十]|达到?[\d一二三四五六七八九十])/;

interface Placement {
  start: number;
  end: number;
  speakers: number[];
  /** Per speaker, its name as it will be reported. */
  names: string[];
}

/** Names of one place that readouts use interchangeably. */
const SYNONYMS = [["北京经济技术开发区", "经济技术开发区", "经开区", "亦庄"]];

function aliasesOf(key: string): string[] {
  const out = [key, ...(SYNONYMS.find((names) => names.includes(key))?.filter((n) => n !== key) ?? [])];
  for (const form of SHORT_FORMS) {
    const short = key.replace(form, "");
    if (short !== key && short.length >= 2) out.push(short);
  }
  return out;
}

interface NameHit {
  start: number;
  end: number;
  name: string;
}

// The subject's name as it stands at `at`: the list's name, extended by a suffix the text adds.
function nameAt(src: Source, speaker: Speaker, alias: string, at: number): NameHit {
  let end = at + alias.length;
  // A name that already ends in an organisation word gets no suffix; 台 ends places too (丰台区, 烟台市).
  const complete = ORG_NAME_END.test(alias) && !PLACE_END.test(alias);
  const suffix = complete ? null : NAME_SUFFIX.exec(src.match.slice(end, end + 2));
  if (suffix) end += suffix[0].length;
  const inText = src.original.slice(at, end);
  const listed = src.original.slice(speaker.span.start, speaker.span.end);
  const organ = ORGAN_AFTER_NAME.exec(src.match.slice(end, end + 12));
  const phraseEnd = end + (organ ? organ[0].length : 0);
  return { start: at, end: phraseEnd, name: end - at >= speaker.key.length ? inText : listed };
}

function findName(src: Source, speaker: Speaker, from: number, strict: boolean): NameHit | null {
  for (const alias of aliasesOf(speaker.key)) {
    for (let i = src.match.indexOf(alias, from); i >= 0; i = src.match.indexOf(alias, i + 1)) {
      if (!(strict ? atSentenceStart(src, i) : atClauseStart(src, i))) continue;
      const hit = nameAt(src, speaker, alias, i);
      if (!MODAL_AFTER_NAME.test(src.match.slice(hit.end, hit.end + 2))) return hit;
    }
  }
  return null;
}

function nameRightAt(src: Source, speaker: Speaker, at: number): NameHit | null {
  for (const alias of aliasesOf(speaker.key)) {
    if (src.match.startsWith(alias, at)) return nameAt(src, speaker, alias, at);
  }
  return null;
}

// "市科委、中关村管委会深入推进…": further listed speakers right after the first make one subject.
function extendJoint(src: Source, speakers: Speaker[], placed: Set<number>, p: Placement): void {
  for (;;) {
    const conj = JOINT.exec(src.match.slice(p.end, p.end + 1));
    if (!conj) return;
    const next = speakers.findIndex(
      (s, j) => !placed.has(j) && !p.speakers.includes(j) && nameRightAt(src, s, p.end + 1),
    );
    if (next < 0) return;
    const hit = nameRightAt(src, speakers[next], p.end + 1) as NameHit;
    p.speakers.push(next);
    p.names.push(hit.name);
    p.end = hit.end;
  }
}

function place(src: Source, speakers: Speaker[], from: number): Placement[] {
  const placed = new Set<number>();
  const out: Placement[] = [];
  speakers.forEach((speaker, i) => {
    if (placed.has(i)) return;
    const hit = findName(src, speaker, from, true) ?? findName(src, speaker, from, false);
    if (!hit || out.some((p) => hit.start >= p.start && hit.start < p.end)) return;
    const p: Placement = { start: hit.start, end: hit.end, speakers: [i], names: [hit.name] };
    extendJoint(src, speakers, placed, p);
    p.speakers.forEach((j) => placed.add(j));
    out.push(p);
  });
  return out.sort((a, b) => a.start - b.start);
}

function firstFullStop(src: Source, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (charAt(src, i, FULL_STOPS)) return i + 1;
  return limit;
}

// The assessment ends where the meeting turns to directives ("会议指出，…"), if before `limit`.
function capAtIntro(src: Source, from: number, limit: number, intro: RegExp): number {
  for (let k = Math.max(0, sentenceIndexAt(src.sentences, from)); k < src.sentences.length; k++) {
    const { start, end } = src.sentences[k];
    if (start >= limit) break;
    if (start > from && intro.test(src.match.slice(start, Math.min(end, limit)))) return start;
  }
  return limit;
}

function findShortcomings(src: Source, from: number, limit: number): ShortcomingList | null {
  for (let c = from + 1; c < limit; c++) {
    if (!charAt(src, c - 1, TURN_POINTS)) continue;
    const list = readShortcomings(src, c, limit);
    if (list) return list;
  }
  return null;
}

// An article cut off inside an assessment ends without a full stop after its last item.
function isCutOff(src: Source, from: number, end: number): boolean {
  const last = trimSegment(src, { start: from, end });
  if (!last || trimSegment(src, { start: end, end: src.bodyEnd }) !== null) return false;
  return !/[。！？!?]/.test(src.match.slice(last.end, end));
}

function warningsFor(subject: string, sc: ShortcomingList | null, cutOff: boolean): string[] {
  const warnings: string[] = [];
  if (!sc) warnings.push(`no shortcomings found for ${subject}`);
  if (sc?.truncated) warnings.push(`truncated shortcoming list for ${subject}`);
  if (sc?.unrecognised) warnings.push(`unrecognised shortcoming phrasing for ${subject}; list taken to the clause end`);
  if (cutOff && !sc?.truncated)
    warnings.push(`assessment of ${subject} is cut off (the text ends without a full stop)`);
  return warnings;
}

function assess(src: Source, p: Placement, limit: number, last: boolean, intro: RegExp): Assessment {
  const subject = p.names.join("、");
  const end = capAtIntro(src, p.end, limit, intro);
  const sc = findShortcomings(src, p.end, end);
  // Without shortcomings, the last subject's assessment is its one sentence; the others run to the next subject.
  const achievementsEnd = Math.max(p.end, sc ? sc.clause.start : last ? firstFullStop(src, p.end, end) : end);
  const extentEnd = sc ? sc.clause.end : achievementsEnd;
  const achievements = readAchievements(src, { start: p.end, end: achievementsEnd });
  const warnings = warningsFor(subject, sc, isCutOff(src, p.end, extentEnd));
  return {
    speakers: p.speakers,
    subject,
    extent: { start: p.start, end: extentEnd },
    achievements,
    shortcomings: sc ? sc.items : [],
    warnings,
  };
}

/**
 * The achievements of an assessment: its "；"-separated items, or, where it has no "；", its
 * "，"-joined clauses, each clause that goes on with the one before kept with it.
 */
function readAchievements(src: Source, seg: Segment): Segment[] {
  const semicolons = splitTopLevel(src, seg, SEMICOLON).length > 1;
  const parts = splitTrimmed(src, seg, semicolons ? ACHIEVEMENT_SEPARATORS : ACHIEVEMENT_CLAUSES);
  const out: Segment[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    const text = src.match.slice(part.start, part.end);
    const sameSentence = last && !/[。！？!?\n]/.test(src.match.slice(last.end, part.start));
    if (!semicolons && last && sameSentence && (CONTINUATION.test(text) || text.length < 4)) last.end = part.end;
    else out.push({ ...part });
  }
  return out.filter((a) => a.end - a.start >= 2);
}

function unassessed(src: Source, speaker: Speaker, i: number): Assessment {
  const subject = src.original.slice(speaker.span.start, speaker.span.end);
  return {
    speakers: [i],
    subject,
    extent: null,
    achievements: [],
    shortcomings: [],
    warnings: [`assessment of ${subject} not found`],
  };
}

/**
 * Finds each speaker's assessment after `from` (the end of the speaker list) and reads its
 * achievements and shortcomings. Returns one assessment per subject in speaking order; speakers
 * never assessed get an empty one with a warning.
 */
export function readAssessments(src: Source, speakers: Speaker[], from: number, intro: RegExp): Assessment[] {
  const placements = place(src, speakers, from);
  const found = placements.map((p, k) => {
    const limit = k + 1 < placements.length ? placements[k + 1].start : src.bodyEnd;
    return assess(src, p, limit, k === placements.length - 1, intro);
  });
  const out: Assessment[] = [];
  speakers.forEach((speaker, i) => {
    const a = found.find((x) => x.speakers.includes(i));
    if (!a) out.push(unassessed(src, speaker, i));
    else if (!out.includes(a)) out.push(a);
  });
  return dropUnpublishedSections(src, placements, out);
}

// A heading: the subject's name alone on its line ("雁翅镇\n主题教育抓得亮，…").
function isHeading(src: Source, p: Placement): boolean {
  const before = p.start === src.bodyStart || src.match[p.start - 1] === "\n";
  return before && /^[ \t\u3000]*(?:\r?\n|$)/.test(src.match.slice(p.end, p.end + 4));
}

/**
 * A readout written in headed sections, one per subject, that ends cleanly after its last section
 * published only those sections: speakers named in the list but given no section after the last
 * one are left out, with a warning. (A text cut off mid-sentence keeps them: their sections were
 * lost, not left out.)
 */
function dropUnpublishedSections(src: Source, placements: Placement[], out: Assessment[]): Assessment[] {
  if (placements.length < 2 || !placements.every((p) => isHeading(src, p))) return out;
  let lastAssessed = out.length - 1;
  while (lastAssessed >= 0 && out[lastAssessed].extent === null) lastAssessed--;
  const last = out[lastAssessed];
  if (!last?.extent || lastAssessed === out.length - 1) return out;
  const rest = trimSegment(src, { start: last.extent.end, end: src.bodyEnd });
  const endsCleanly = /[。！？!?]\s*$/.test(src.match.slice(last.extent.start, src.bodyEnd));
  if (rest !== null || !endsCleanly) return out;
  const dropped = out.slice(lastAssessed + 1);
  last.warnings.push(
    ...dropped.map((a) => `${a.subject} is in the speaker list but the text gives it no section; left out`),
  );
  return out.slice(0, lastAssessed + 1);
}
