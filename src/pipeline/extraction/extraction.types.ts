/**
 * The extraction format: what `policygraph extract` prints and what the graph writer takes.
 * Spans are UTF-16 offsets [start, end) into the text the extractor was given (for a readout
 * file: the whole file, front matter included), so that text.slice(start, end) === item.text.
 */

/** Meeting kinds of the genre (see the corpus README). */
export const MEETING_KINDS = ["municipal-departments", "districts", "soes", "streets", "other"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export type Span = [start: number, end: number];

export interface ExtractedItem {
  text: string;
  span: Span;
  /** Theme ids, most fitting first. */
  themes: string[];
  /** Child theme ids (each under one of `themes`), most fitting first; `themes` stays top-level only. */
  subthemes?: string[];
  /** Why each theme or subtheme was given (the keyword or rule that fired), keyed by theme id. */
  themeReasons?: Record<string, string>;
  /** True when no rule, keyword or portfolio gave the item any theme (then `themes` is empty and a warning says so). */
  unclassified?: boolean;
  /** The sentence the item stands in, for provenance displays. */
  sentence?: Span;
}

export interface ExtractedDirective extends ExtractedItem {
  /** Departments the directive names as addressees, as the text names them. */
  addressees?: string[];
}

export interface ExtractedReport {
  order: number;
  /** The speaker as the text names it (市发展改革委, 石景山区 …). */
  subject: string;
  achievements: ExtractedItem[];
  shortcomings: ExtractedItem[];
}

export interface ExtractedMeeting {
  /** YYYY-MM-DD, or null when the text does not allow it. */
  date: string | null;
  kind: MeetingKind;
  /** The locality whose meeting it is (北京市, 通州区, 宁波市), or null (with a warning) when nothing tells. */
  host: string | null;
  title: string;
  chair: string | null;
  attendees: string[];
}

export interface Extraction {
  meeting: ExtractedMeeting;
  reports: ExtractedReport[];
  directives: ExtractedDirective[];
  /** What the extractor noticed and could not place. */
  warnings: string[];
}
