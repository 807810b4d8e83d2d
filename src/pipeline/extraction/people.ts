import { Segment, Source, trimSegment } from "./text";
import { WordIndex } from "./words";

/**
 * Words that end an official's title: the person's name follows the last of them
 * ("市委副书记、市长陈吉宁", "市人大常委会主任李伟", "区委政法委书记莫剑彬").
 */
const TITLE_WORDS = [
  "书记",
  "市长",
  "区长",
  "县长",
  "镇长",
  "乡长",
  "主任",
  "主席",
  "局长",
  "部长",
  "厅长",
  "处长",
  "秘书长",
  "常委",
  "委员",
  "院长",
  "检察长",
  "董事长",
  "总经理",
  "总裁",
  "组长",
  "会长",
  "社长",
  "理事长",
  "巡视员",
  "司令员",
  "政委",
  "领导",
];

const TITLES = new WordIndex(TITLE_WORDS);

/** A personal name: two to four Han characters, or a transliterated name with a middle dot. */
const PERSON_NAME = /^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·•][\u4e00-\u9fff]{1,8})$/;
/** What a name never is: an organisation, a place in the hall, a group. */
const NOT_A_NAME = /[委会局府办厅院部区县镇乡处室市省等]$|会场|会议|视频|形式|负责|代表|有关|各级|^[在和及以由并对]/;

/** Where a person's name starts after any title: the end of the last title word, or 0. */
function afterLastTitle(text: string): number {
  let best = 0;
  for (let i = 0; i < text.length; i++) {
    const word = TITLES.at(text, i);
    if (word && i + word.length > best) best = i + word.length;
  }
  return best;
}

/** Whether a string reads as a personal name. */
export function isPersonName(text: string): boolean {
  return PERSON_NAME.test(text) && !NOT_A_NAME.test(text);
}

/**
 * The personal name in one title-and-name phrase, or null ("市委副书记、市长陈吉宁" → its span of
 * 陈吉宁). A phrase without a title counts only when `bare` allows (names listed after a name).
 */
export function nameInPhrase(src: Source, seg: Segment, bare: boolean): Segment | null {
  const phrase = trimSegment(src, seg);
  if (!phrase) return null;
  // "蔡奇同志": the respectful 同志 after a name is not part of it.
  // "车治中等出席": the 等 that closes a list of names is not part of the last one.
  const text = src.match
    .slice(phrase.start, phrase.end)
    .replace(/(?:同志)?等(?:市区领导|市县领导|区领导|市领导|县领导|领导同志|领导)?$|同志$/, "");
  let from = afterLastTitle(text);
  if (from === 0 && !bare) return null;
  // "市直机关工委书记（兼）施惠芳": a note on the post between title and name.
  const note = /^（[^（）]{1,6}）/.exec(text.slice(from));
  if (note && from > 0) from += note[0].length;
  const name = text.slice(from);
  if (!isPersonName(name)) return null;
  return { start: phrase.start + from, end: phrase.start + text.length };
}

/** Separators between the people of an attendee list. */
const PEOPLE_SEPARATOR = /[，、；]|以及|和|及/g;

/**
 * The names in a list of officials ("市委副书记、市长陈吉宁，市人大常委会主任李伟…"), in order, titles
 * dropped. A bare name counts only right after a name ("市领导陈吉宁、李伟").
 */
export function namesInList(src: Source, seg: Segment): Segment[] {
  const text = src.match.slice(seg.start, seg.end);
  const names: Segment[] = [];
  let from = 0;
  let previousWasName = false;
  const parts: Segment[] = [];
  for (const m of text.matchAll(PEOPLE_SEPARATOR)) {
    parts.push({ start: seg.start + from, end: seg.start + (m.index ?? 0) });
    from = (m.index ?? 0) + m[0].length;
  }
  parts.push({ start: seg.start + from, end: seg.end });
  for (const part of parts) {
    const name = nameInPhrase(src, part, previousWasName);
    if (name) names.push(name);
    previousWasName = name !== null;
  }
  return names;
}
