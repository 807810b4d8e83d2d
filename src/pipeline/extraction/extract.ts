import { Assessment, readAssessments } from "./assessments";
import { directiveIntro } from "./cues";
import { resolveMeetingDate } from "./dates";
import { readDirectives } from "./directives";
import { ExtractedDirective, ExtractedItem, ExtractedMeeting, ExtractedReport, Extraction } from "./extraction.types";
import { findHost } from "./host";
import { findAttendees, findChair, findTitle, MeetingTitle, meetingKind, openingSentence } from "./meeting";
import { FrontMatter, parseReadoutFile, ReadoutDefaults, ReadoutFile, withDefaults } from "./readout";
import { findSpeakerList, SpeakerList } from "./speakers";
import { subjectPortfolio } from "../registry/portfolio";
import { shippedThemeLexicon, ThemeLexicon } from "../../model/theme.catalog";
import { Portfolio, ThemeTagger } from "./themes";
import { charAt, charCodes, makeSource, Segment, sentenceIndexAt, Source, toSpan } from "./text";

export interface ExtractOptions extends ReadoutDefaults {
  /** The theme lexicon to tag with; defaults to the one shipped in seed/themes.json. */
  lexicon?: ThemeLexicon;
}

/** Warning given for text that is not a review-meeting readout at all. */
export const NOT_A_READOUT = "not a review-meeting readout: no meeting name and no speaker list found";

const taggers = new WeakMap<ThemeLexicon, ThemeTagger>();

function taggerFor(lexicon: ThemeLexicon): ThemeTagger {
  let tagger = taggers.get(lexicon);
  if (!tagger) {
    tagger = new ThemeTagger(lexicon);
    taggers.set(lexicon, tagger);
  }
  return tagger;
}

/** What every part of one extraction needs. */
interface Context {
  src: Source;
  tagger: ThemeTagger;
  meetingKind?: string;
}

const LEADING_SPACE = charCodes(" \t\r\n\u3000\u00a0");

function sentenceOf(ctx: Context, seg: Segment): Segment {
  const k = sentenceIndexAt(ctx.src.sentences, seg.start);
  if (k < 0) return seg;
  let { start } = ctx.src.sentences[k];
  const end = Math.max(ctx.src.sentences[k].end, seg.end);
  while (start < seg.start && charAt(ctx.src, start, LEADING_SPACE)) start++;
  return { start, end };
}

function item(ctx: Context, seg: Segment, sentence: Segment, portfolio?: Portfolio): ExtractedItem {
  const tags = ctx.tagger.tag(ctx.src.match.slice(seg.start, seg.end), ctx.meetingKind, portfolio);
  const out: ExtractedItem = {
    text: ctx.src.original.slice(seg.start, seg.end),
    span: toSpan(seg),
    sentence: toSpan(sentence),
    themes: tags.themes,
  };
  if (tags.subthemes.length) out.subthemes = tags.subthemes;
  out.themeReasons = tags.reasons;
  if (!tags.themes.length) out.unclassified = true;
  return out;
}

function report(ctx: Context, a: Assessment, order: number): ExtractedReport {
  const portfolio: Portfolio = { subject: a.subject, themes: subjectPortfolio(a.subject) };
  return {
    order,
    subject: a.subject,
    achievements: a.achievements.map((seg) => item(ctx, seg, sentenceOf(ctx, seg), portfolio)),
    shortcomings: a.shortcomings.map((seg) => item(ctx, seg, sentenceOf(ctx, seg), portfolio)),
  };
}

/** The warning that says how many items no keyword, rule, context or portfolio gave a theme, or null. */
export function unclassifiedWarning(
  reports: readonly ExtractedReport[],
  directives: readonly ExtractedItem[],
): string | null {
  const count = (items: readonly ExtractedItem[]) => items.filter((i) => i.unclassified).length;
  const parts = [
    [count(reports.flatMap((r) => r.achievements)), "achievement"],
    [count(reports.flatMap((r) => r.shortcomings)), "shortcoming"],
    [count(directives), "directive"],
  ] as const;
  const total = parts.reduce((n, [k]) => n + k, 0);
  if (!total) return null;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(total, "item")} unclassified (no keyword, rule or portfolio gave a theme): ${parts
    .filter(([n]) => n)
    .map(([n, word]) => plural(n, word))
    .join(", ")}`;
}

function notAReadout(): Extraction {
  const meeting: ExtractedMeeting = { date: null, kind: "other", host: null, title: "", chair: null, attendees: [] };
  return { meeting, reports: [], directives: [], warnings: [NOT_A_READOUT] };
}

/**
 * Extracts a review-meeting readout (the whole file text, front matter included) into the
 * extraction format. Deterministic; never throws on odd text: what it cannot place it reports in
 * `warnings`. Spans are offsets into `fileText`.
 */
export function extractReadout(fileText: string, options: ExtractOptions = {}): Extraction {
  return extractFile(parseReadoutFile(fileText), options);
}

/**
 * Extracts a readout already split into front matter and body (a text file, or a page taken
 * apart by its HTML reader). Spans are offsets into `file.text`. `options` fill in the published
 * date and host where the front matter is silent.
 */
export function extractFile(parsed: ReadoutFile, options: ExtractOptions = {}): Extraction {
  const file = withDefaults(parsed, options);
  const src = makeSource(file.text, file.bodyStart);
  const ctx: Context = { src, tagger: taggerFor(options.lexicon ?? shippedThemeLexicon()) };
  const title = findTitle(src, file.frontMatter.title);
  const list = findSpeakerList(src);
  if (!list && !title.title) return notAReadout();

  const warnings: string[] = [];
  const meeting = readMeeting(ctx, list, title, file.frontMatter, warnings);
  ctx.meetingKind = meeting.kind;
  const intro = directiveIntro(meeting.chair ? chairKey(ctx, meeting.chair) : null);
  if (!list) warnings.push("no speaker list found");
  const assessments = list ? readAssessments(src, list.speakers, list.sentence.end, intro) : [];
  for (const a of assessments) warnings.push(...a.warnings);
  const skip = [...(list ? [list.sentence] : []), ...assessments.flatMap((a) => (a.extent ? [a.extent] : []))];
  const directives = readDirectives(src, skip, intro).map((hit): ExtractedDirective => {
    const d: ExtractedDirective = item(ctx, hit.text, sentenceOf(ctx, hit.sentence));
    if (hit.addressees.length) d.addressees = hit.addressees.map((seg) => src.original.slice(seg.start, seg.end));
    return d;
  });
  if (list && directives.length === 0) warnings.push("no directives found");
  const host = findHost(src, file.frontMatter, { chair: meeting.chair, subjects: assessments.map((a) => a.subject) });
  meeting.host = host.host;
  if (host.warning) warnings.push(host.warning);
  const reports = assessments.map((a, i) => report(ctx, a, i + 1));
  const unclassified = unclassifiedWarning(reports, directives);
  if (unclassified) warnings.push(unclassified);
  return { meeting, reports, directives, warnings: [...new Set(warnings)] };
}

// The chair's name as the rules match it (simplified script), for "蔡奇强调，" and the like.
function chairKey(ctx: Context, chair: string): string {
  const at = ctx.src.original.indexOf(chair, ctx.src.bodyStart);
  return at >= 0 ? ctx.src.match.slice(at, at + chair.length) : chair;
}

function readMeeting(
  ctx: Context,
  list: SpeakerList | null,
  title: MeetingTitle,
  front: FrontMatter,
  warnings: string[],
): ExtractedMeeting {
  const { src } = ctx;
  const opening = openingSentence(src, title);
  const dated = resolveMeetingDate(opening ? src.match.slice(opening.start, opening.end) : "", front.published);
  if (dated.warning) warnings.push(dated.warning);
  const chair = findChair(src, list, front.title);
  if (!chair) warnings.push("chair not found");
  const titleMatch = title.span ? src.match.slice(title.span.start, title.span.end) : title.title;
  if (!title.title) warnings.push("meeting name not found");
  return {
    date: dated.date,
    kind: meetingKind(titleMatch, list?.role ?? ""),
    host: null,
    title: title.title,
    chair,
    attendees: findAttendees(src, chair),
  };
}
