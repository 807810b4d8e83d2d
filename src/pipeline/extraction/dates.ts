/** "2022年3月31日", "3月31日" (the year optional), in ASCII digits after the matching copy. */
const ABSOLUTE_DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/;
/** The same written in Chinese numerals: "三月三十一日", "二〇二二年三月三十一日". */
const CHINESE_DATE =
  /(?:([〇零一二三四五六七八九]{4})年)?([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;
/** "28日下午": the day alone, in the month of publication (or the month before). */
const DAY_ONLY = /(?<![\d月])(\d{1,2})日(?:上午|下午|晚|晚上|早上|凌晨|中午|，|召开)/;
/** Days counted back from the day of publication. */
const RELATIVE_DAYS: Record<string, number> = { 今天: 0, 今日: 0, 昨天: 1, 昨日: 1, 前天: 2, 前日: 2 };
const RELATIVE_DATE = /今天|今日|昨天|昨日|前天|前日/;
/** Vague references that do not fix a day. */
const VAGUE_DATE = /日前|近日|近期|本周|上周|月初|月底/;
const PUBLISHED = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The outcome of dating a meeting: an ISO date or null with the reason. */
export interface MeetingDate {
  date: string | null;
  warning?: string;
}

interface Published {
  year: number;
  month?: number;
  day?: number;
}

/** Reads a Chinese numeral up to 99 ("三十一" → 31, "十" → 10). */
export function chineseNumber(text: string): number {
  if (text.length === 4 && !text.includes("十")) return Number([...text].map((c) => DIGITS[c]).join(""));
  const ten = text.indexOf("十");
  if (ten < 0) return DIGITS[text] ?? NaN;
  const tens = ten === 0 ? 1 : (DIGITS[text.slice(0, ten)] ?? NaN);
  const units = ten === text.length - 1 ? 0 : (DIGITS[text.slice(ten + 1)] ?? NaN);
  return tens * 10 + units;
}

function parsePublished(published: string): Published | null {
  const m = PUBLISHED.exec(published.trim());
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

function iso(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

// A readout is published on or after its meeting: a month and day later in the year than the
// publication belong to the year before ("12月30日" published 2023-01-02 is 2022-12-30).
function yearOf(month: number, day: number, pub: Published): number {
  if (pub.month === undefined) return pub.year;
  const later = month > pub.month || (month === pub.month && pub.day !== undefined && day > pub.day);
  return later ? pub.year - 1 : pub.year;
}

function fromMonthDay(year: number | null, month: number, day: number, pub: Published | null): MeetingDate {
  if (year === null && !pub)
    return { date: null, warning: "meeting year unknown: the text gives no year and no published date" };
  const date = iso(year ?? yearOf(month, day, pub as Published), month, day);
  return date ? { date } : { date: null, warning: `meeting date ${month}月${day}日 is not a calendar date` };
}

function fromRelative(word: string, pub: Published | null): MeetingDate {
  if (!pub || pub.month === undefined || pub.day === undefined) {
    return { date: null, warning: `meeting date "${word}" needs a full published date, which the front matter lacks` };
  }
  const d = new Date(Date.UTC(pub.year, pub.month - 1, pub.day - RELATIVE_DAYS[word]));
  return { date: d.toISOString().slice(0, 10) };
}

function fromDay(day: number, pub: Published | null): MeetingDate {
  if (!pub || pub.month === undefined || pub.day === undefined) {
    return { date: null, warning: `meeting date "${day}日" needs a full published date, which the front matter lacks` };
  }
  // A day after the day of publication is in the month before.
  const back = day > pub.day ? 1 : 0;
  const d = new Date(Date.UTC(pub.year, pub.month - 1 - back, day));
  if (d.getUTCDate() !== day) return { date: null, warning: `meeting date ${day}日 is not a calendar date` };
  return { date: d.toISOString().slice(0, 10) };
}

/**
 * Dates a meeting from the words of its opening ("3月31日下午", "昨天", "2022年3月31日") and the
 * readout's published date (YYYY-MM-DD or YYYY).
 */
export function resolveMeetingDate(opening: string, published: string): MeetingDate {
  const pub = parsePublished(published);
  const abs = ABSOLUTE_DATE.exec(opening);
  if (abs) return fromMonthDay(abs[1] ? Number(abs[1]) : null, Number(abs[2]), Number(abs[3]), pub);
  const cn = CHINESE_DATE.exec(opening);
  if (cn) {
    const [month, day] = [chineseNumber(cn[2]), chineseNumber(cn[3])];
    return fromMonthDay(cn[1] ? chineseNumber(cn[1]) : null, month, day, pub);
  }
  const dayOnly = DAY_ONLY.exec(opening);
  if (dayOnly) return fromDay(Number(dayOnly[1]), pub);
  const rel = RELATIVE_DATE.exec(opening);
  if (rel) return fromRelative(rel[0], pub);
  const vague = VAGUE_DATE.exec(opening);
  if (vague) return { date: null, warning: `meeting date not given ("${vague[0]}")` };
  return { date: null, warning: "meeting date not found" };
}
