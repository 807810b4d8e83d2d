import { MeetingKind } from "./extraction.types";
import { isPersonName, nameInPhrase, namesInList } from "./people";
import { SpeakerList } from "./speakers";
import { charAt, CLAUSE_ENDS, Segment, Source, trimSegment } from "./text";

/** The names the genre gives its meetings: 点评会, 述职评议会, 工作讲评会, 督政汇报会 … */
const MEETING_NAME =
  "(?:点评会(?:议)?|述职评议会(?:议)?|述职评议大会|评议会(?:议)?|述职会(?:议)?|述职大会|讲评会(?:议)?|督政汇报会|汇报会|推进会|调度会|工作会议|工作会|常委(?:（扩大）)?会议)";
/** "召开(第三次)区委书记月度工作点评会": the meeting's name follows 召开 and ends with 会. */
const TITLE = new RegExp(
  `(?:召开|举行|组织召开)(?:了)?(?:第[一二三四五六七八九十百\\d]+次)?([^，。；、\\s]{0,50}?${MEETING_NAME})`,
);
/** A meeting's name anywhere: "…述职评议会议举行", or a front-matter title without 召开. */
const TITLE_ANYWHERE = new RegExp(
  `(?:第[一二三四五六七八九十百\\d]+次)?([^，。；、\\s“”]{0,50}?(?:点评会|述职评议会(?:议)?|述职评议大会|讲评会|督政汇报会))`,
);

/** Meeting kinds by the words of the meeting's name (or of the speakers' role), first match wins. */
const KIND_RULES: Array<[RegExp, MeetingKind]> = [
  [/市直部门|市级部门|市属部门|委办局|部门党组|部门主要负责/, "municipal-departments"],
  [/国有企业|国企|市管企业|市属企业|企业党委|集团/, "soes"],
  [/街道|乡镇|街乡|党（工）委|党工委/, "streets"],
  [/区委书记|区长|各区/, "districts"],
];

/** "并接受市委书记蔡奇现场点评", "区委书记张强现场点评": the chair named after the speaker list. */
const CHAIR_AFTER_LIST =
  /^(?:并|同时|随后)?(?:接受|由|听取)?(.+?)(?:的)?(?:(?<![工合操制协写创])作了?|进行了?)?(?:现场|逐一|一一|集中|分别)?(?:点评|讲评|主持)/;
/** "蔡奇主持会议", "市委书记尹力主持并讲话". */
const CHAIR_PRESIDES = /([^，。；]{2,30}?)(?:主持(?:会议|并|$)|出席并讲话|出席会议并讲话)/;
/**
 * "蔡奇一一点评", "张强逐一点评相关工作", "于波出席并点评", "李明出席会议并作点评讲话", "全可文对各基层党（工）委
 * 书记述职作了集中点评", "谈正红分别点评": whoever comments on the speakers chairs the meeting.
 */
const CHAIR_COMMENTS =
  /([^，。；]{2,30}?)(?:出席(?:会议)?并|对[^，。；]{1,30}?|最后|随后)?(?:(?<![工合操制协写创])作了?|进行了?)?(?:一一|逐一|逐个|现场|集中|分别|简要)?(?:进行)?(?:点评|讲评)(?!会)/;
/** "施惠芳着重强调，…": who lays down the meeting's directions, when nobody is said to comment or preside. */
const CHAIR_STRESSES = /([^，。；]{2,30}?)(?:着重|特别|再次|进一步|最后)?(?:强调|指出)$/;
/** An attendee sentence ends with 参加 or 出席 (the chair's own line says 主持 instead). */
const ATTEND = /(?:参加|出席|列席)(?:会议|了会议)?[。！\s]*$/;

/** A sentence that says the meeting took place: "…召开…", "…述职评议会议举行", "…在…举行". */
const CONVENED = /召开|举行|举办/;
/** The convening sentence comes within the first few; a later 举行 is about something else. */
const OPENING_WINDOW = 4;

/**
 * Where the meeting starts: the sentence that says it was convened (readouts of other cities open with
 * a question or two first), else the one that names the meeting, else the first.
 */
export function openingSentence(src: Source, title: MeetingTitle | null = null): Segment | null {
  const sentences = src.sentences.filter((s) => trimSegment(src, s));
  const span = title?.span;
  return (
    sentences.slice(0, OPENING_WINDOW).find((s) => CONVENED.test(src.match.slice(s.start, s.end))) ??
    (span ? sentences.find((s) => s.start <= span.start && span.start < s.end) : undefined) ??
    sentences[0] ??
    null
  );
}

/** The meeting's name as the text gives it, and where (null when it comes from the front matter). */
export interface MeetingTitle {
  title: string;
  span: Segment | null;
}

/** The meeting's name: from the body's 召开 phrase, else any 点评会 of the body, else the front-matter title. */
export function findTitle(src: Source, frontTitle: string): MeetingTitle {
  const body = src.match.slice(src.bodyStart, src.bodyEnd);
  const m = TITLE.exec(body) ?? TITLE_ANYWHERE.exec(body);
  if (m) {
    const start = src.bodyStart + (m.index ?? 0) + m[0].lastIndexOf(m[1]);
    return { title: src.original.slice(start, start + m[1].length), span: { start, end: start + m[1].length } };
  }
  const fm = TITLE.exec(frontTitle) ?? TITLE_ANYWHERE.exec(frontTitle);
  return { title: fm ? fm[1] : "", span: null };
}

/**
 * The meeting's kind by its name; by the speakers' role only when the text names no meeting.
 * A name without a kind ("区委召开月度工作点评会") is "other", whoever speaks.
 */
export function meetingKind(titleMatch: string, speakerRole: string): MeetingKind {
  const text = titleMatch || speakerRole;
  return KIND_RULES.find(([rule]) => rule.test(text))?.[1] ?? "other";
}

// The clauses after the list, one by one: "，并接受市委书记蔡奇现场点评。"
function chairAfterList(src: Source, list: SpeakerList): Segment | null {
  let from = list.after;
  for (let i = list.after; i <= list.sentence.end; i++) {
    if (i < list.sentence.end && !charAt(src, i, CLAUSE_ENDS)) continue;
    const m = CHAIR_AFTER_LIST.exec(src.match.slice(from, i));
    if (m) {
      const phraseStart = from + m[0].indexOf(m[1]);
      const name = nameInPhrase(src, { start: phraseStart, end: phraseStart + m[1].length }, true);
      if (name) return name;
    }
    from = i + 1;
  }
  return null;
}

function chairBy(src: Source, rule: RegExp, text: string, offset: number): Segment | null {
  const m = rule.exec(text);
  if (!m) return null;
  const start = offset + (m.index ?? 0);
  return nameInPhrase(src, { start, end: start + m[1].length }, true);
}

/** The chair's name as the text writes it: after the speaker list, else who comments, presides, or lays down the directions. */
export function findChair(src: Source, list: SpeakerList | null, frontTitle: string): string | null {
  const inList = list ? chairAfterList(src, list) : null;
  if (inList) return src.original.slice(inList.start, inList.end);
  for (const rule of [CHAIR_COMMENTS, CHAIR_PRESIDES, CHAIR_STRESSES]) {
    for (const sentence of src.sentences) {
      const text = src.match.slice(sentence.start, sentence.end);
      for (const clause of clausesOf(text)) {
        const found = chairBy(src, rule, clause.text, sentence.start + clause.at);
        if (found) return src.original.slice(found.start, found.end);
      }
    }
  }
  const title = /([\u4e00-\u9fff·]{2,8})主持/.exec(frontTitle.split(/\s+/).pop() ?? "");
  return title && isPersonName(title[1]) ? title[1] : null;
}

function clausesOf(text: string): Array<{ text: string; at: number }> {
  const out: Array<{ text: string; at: number }> = [];
  let at = 0;
  for (const part of text.split(/[，；：]/)) {
    out.push({ text: part, at });
    at += part.length + 1;
  }
  return out;
}

/**
 * The attendees (names without titles, chair excluded, in order) from every sentence that lists
 * officials as attending; lines of unnamed officials ("市委常委、副市长…参加") add nobody.
 */
export function findAttendees(src: Source, chair: string | null): string[] {
  const names: string[] = [];
  for (const sentence of src.sentences) {
    const m = ATTEND.exec(src.match.slice(sentence.start, sentence.end));
    if (!m) continue;
    for (const seg of namesInList(src, { start: sentence.start, end: sentence.start + (m.index ?? 0) })) {
      const name = src.original.slice(seg.start, seg.end);
      if (name !== chair && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
