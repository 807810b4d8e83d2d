import { ORG_NAME_END } from "./cues";
import { nameInPhrase } from "./people";
import { charAt, charCodes, LIST_COMMAS, Segment, Source, splitTrimmed, trimSegment } from "./text";

/** After these a speaker list may start. */
const LIST_STARTERS = charCodes("，；：");

/** One speaker of the list, as the list names it. */
export interface Speaker {
  /** The name in the list (file offsets). */
  span: Segment;
  /** The name in the matching copy (simplified script). */
  key: string;
}

export interface SpeakerList {
  speakers: Speaker[];
  /** The sentence that lists them. */
  sentence: Segment;
  /** Where the words after the list start (the chair is often named there). */
  after: number;
  /** The role words stripped off the list ("三位区委书记", "主要负责同志"), matching copy. */
  role: string;
}

/**
 * "…依次发言", "…先后作交流发言", "…分别汇报", "…依次述职", "…依次进行工作总结", "…作述职报告",
 * "…逐一汇报": the words that close a speaker list (述职 needs no adverb: it is said of each in turn).
 */
const SPEAKING = new RegExp(
  "(?:依次|先后|分别|相继|轮流|逐一|逐个)(?:作了?|进行了?|围绕[^，。；]{1,20}?)?(?:交流|工作|述职|专题|重点工作)?" +
    "(?:发言|汇报|述职|报告工作|工作总结|总结|作报告)|(?<![工合操制协写创])(?:作了?|进行了?)(?:述职报告|述职发言|述职)",
);
/** "听取了A、B、C的汇报": a list that comes after its verb. */
const HEARD = /听取了?([^。；]{2,200}?)(?:等)?(?:的)?(?:工作)?(?:汇报|发言|述职)/;
/** Role words after a list: who spoke for each ("区委书记", "党组（党委）书记", "主要负责同志"). */
const ROLE_TAIL = new RegExp(
  "(?:" +
    [
      "党组（党委）书记",
      "党委（党组）书记",
      "党（工）委书记",
      "党工委书记",
      "党组织书记",
      "党组书记",
      "党委书记",
      "区委书记",
      "县委书记",
      "书记",
      "主要负责同志",
      "主要负责人",
      "负责同志",
      "负责人",
      "主要领导",
      "一把手",
      "代表",
      "的",
      // "四位区委（工委）书记": what is left after 书记 goes, a step at a time.
      "(?:区委|县委|市委|党委|党组|党)（[^（）]{1,8}）",
      "区委",
      "县委",
    ].join("|") +
    ")$",
);
/** A body's party organ after its name ("市教育局党委"): stripped only when a body's name remains. */
const PARTY_ORGAN = /(?:党组（党委）|党委（党组）|党（工）委|党工委|党组织|党委|党组|工委)$/;
/** "三位", "五个部门", "等17个基层", "等科室单位": counts and groups between a list and its role words. */
const COUNT_TAIL =
  /(?:等)?[一二三四五六七八九十两\d]+ ?(?:位|个|家|名)[^、，]{0,8}$|等[^、，]{0,8}$|(?<=[^、，]{2})[二三四五六七八九十两\d]+(?:个)?(?:镇|乡|街道|乡镇|街乡镇|区|县|单位|部门)$/;

/** Strips role and count words off the end of a list; returns the new end and what was stripped. */
function stripRoleTail(src: Source, seg: Segment): { end: number; role: string } {
  let end = seg.end;
  for (;;) {
    const text = src.match.slice(seg.start, end);
    const m = ROLE_TAIL.exec(text) ?? COUNT_TAIL.exec(text) ?? partyOrgan(text);
    if (!m || m[0].length === 0 || m[0].length === text.length) break;
    end -= m[0].length;
  }
  return { end, role: src.match.slice(end, seg.end) };
}

// "市教育局党委" is 市教育局; "区委教育工委" and "市直机关工委" are bodies of their own.
function partyOrgan(text: string): RegExpExecArray | null {
  const m = PARTY_ORGAN.exec(text);
  return m && ORG_NAME_END.test(text.slice(0, m.index)) ? m : null;
}

/** Where an official's role starts inside a speaker item ("东城区委书记孙新军" → at 区委). */
const ROLE_START = /党组|党委|党工委|工委|区委|县委|书记|主任|局长|部长|区长|县长|镇长|乡长|董事长|总经理|负责/g;

// "东城区委书记孙新军", "市发展改革委党组书记、主任某某": a speaker named with its official; the
// organisation is what comes before the first role word.
function withoutOfficial(src: Source, item: Segment): Segment {
  if (!nameInPhrase(src, item, false)) return item;
  const text = src.match.slice(item.start, item.end);
  for (const m of text.matchAll(ROLE_START)) {
    if ((m.index ?? 0) >= 2) return { start: item.start, end: item.start + (m.index ?? 0) };
  }
  return item;
}

interface Cleaned {
  seg: Segment | null;
  /** Role words or an official's name were taken off: what is left is a whole name. */
  hadRole: boolean;
}

function cleanSpeaker(src: Source, item: Segment): Cleaned {
  const org = withoutOfficial(src, item);
  const { end, role } = stripRoleTail(src, org);
  return { seg: trimSegment(src, { start: org.start, end }), hadRole: org.end !== item.end || role !== "" };
}

// "市科委和中关村管委会" and "平谷区委书记杨小兵和经开区工委书记王少峰" are two; "市经济和信息化局" is
// one: split at 和/及 only where both sides are whole names (an org name, or one that had a role).
function splitLastConjunction(src: Source, item: Segment): Cleaned[] {
  const whole = cleanSpeaker(src, item);
  const m = /^(.+?)(和|及|以及)(.+)$/.exec(src.match.slice(item.start, item.end));
  if (!m) return [whole];
  const mid = item.start + m[1].length;
  const left = cleanSpeaker(src, { start: item.start, end: mid });
  const right = cleanSpeaker(src, { start: mid + m[2].length, end: item.end });
  const isWhole = (c: Cleaned) =>
    c.seg !== null && (c.hadRole || ORG_NAME_END.test(src.match.slice(c.seg.start, c.seg.end)));
  return isWhole(left) && isWhole(right) ? [left, right] : [whole];
}

/** "各基层党（工）委书记", "有关部门": a group, not a list of speakers. */
const GROUP = /^(?:各|全体|有关|相关|部分|其他|其余|与会)/;

function speakersOf(src: Source, list: Segment): Speaker[] {
  const items = splitTrimmed(src, list, LIST_COMMAS).filter(
    (item) => !GROUP.test(src.match.slice(item.start, item.end)),
  );
  const last = items.pop();
  const cleaned = [...items.map((item) => cleanSpeaker(src, item)), ...(last ? splitLastConjunction(src, last) : [])];
  const out: Speaker[] = [];
  for (const { seg } of cleaned) if (seg) out.push({ span: seg, key: src.match.slice(seg.start, seg.end) });
  return out;
}

function clauseStartBefore(src: Source, sentence: Segment, at: number): number {
  for (let i = at - 1; i >= sentence.start; i--) if (charAt(src, i, LIST_STARTERS)) return i + 1;
  return sentence.start;
}

function listBeforeVerb(src: Source, sentence: Segment): SpeakerList | null {
  const m = SPEAKING.exec(src.match.slice(sentence.start, sentence.end));
  if (!m) return null;
  const verb = sentence.start + (m.index ?? 0);
  const raw = { start: clauseStartBefore(src, sentence, verb), end: verb };
  const { end, role } = stripRoleTail(src, raw);
  const speakers = speakersOf(src, { start: raw.start, end });
  return speakers.length ? { speakers, sentence, after: verb + m[0].length, role } : null;
}

function listAfterVerb(src: Source, sentence: Segment): SpeakerList | null {
  const m = HEARD.exec(src.match.slice(sentence.start, sentence.end));
  if (!m) return null;
  const start = sentence.start + (m.index ?? 0) + m[0].indexOf(m[1]);
  const raw = { start, end: start + m[1].length };
  const { end, role } = stripRoleTail(src, raw);
  const speakers = speakersOf(src, { start: raw.start, end });
  return speakers.length ? { speakers, sentence, after: sentence.start + (m.index ?? 0) + m[0].length, role } : null;
}

/** Finds the list of speakers in the body: the first sentence that says who spoke in turn. */
export function findSpeakerList(src: Source): SpeakerList | null {
  for (const sentence of src.sentences) {
    const found = listBeforeVerb(src, sentence) ?? listAfterVerb(src, sentence);
    if (found) return found;
  }
  return null;
}
