import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../graphql/node.type";
import type { TagSource } from "../theme/theme.type";

/**
 * A theme tag as items carry it: fetched with the item, so tags cost no extra round trip; the theme
 * itself comes from the request's scheme (see requestThemes), not a copy per tag.
 */
export interface ThemeTagRecord {
  rank: number;
  reason: string;
  /** Who gave the tag: the extractor, or a curator's correction. */
  source: TagSource;
  themeId: string;
}

/**
 * What the repositories return for an achievement, shortcoming or directive. Read for a GraphQL
 * selection (see itemProjection) a record holds only the properties that selection needs.
 */
export interface ItemRecord {
  __typename: "Achievement" | "Shortcoming" | "Directive";
  id: string;
  text: string;
  date: string;
  seq: number;
  /** Reading order within the meeting (report order × 1000 + seq for report items). */
  position: number;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  documentId: string;
  meetingId: string;
  /** Null for directives (they belong to the meeting). */
  reportId: string | null;
  /** True when no keyword, rule or portfolio gave the item a theme (then `tags` is empty). */
  unclassified: boolean;
  /** True when a curator rejected it (see ../correction): then no list, count or export has it. */
  rejected: boolean;
  tags: ThemeTagRecord[];
  /** Read instead of `tags` when only the themes are selected. */
  themeRefs?: Pick<ThemeTagRecord, "rank" | "themeId">[];
  /** The evidence's quote and sentence, when selected; null where the store could not cut them (see itemSpec). */
  quote?: string | null;
  sentenceText?: string | null;
}

@ObjectType({ description: "A stretch of a document's text, by UTF-16 offsets [start, end)." })
export class TextSpan {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field()
  text!: string;
}

/** Where an item stands in its source document. */
export interface EvidenceRecord {
  documentId: string;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  /** Cut in the store when selected (else the resolvers cut them from the document's text). */
  quote?: string | null;
  sentenceText?: string | null;
}

@ObjectType({
  description:
    "Provenance of an extracted item: its document and the exact characters it came from. document.text.slice(start, end) === quote.",
})
export class Evidence {
  @Field(() => Int, { description: "UTF-16 offset of the first character in the document text." })
  start!: number;

  @Field(() => Int, { description: "UTF-16 offset just after the last character." })
  end!: number;
}

/** Fields shared by achievements, shortcomings and directives. */
@ObjectType()
export abstract class Item extends Node {
  @Field({ description: "The item exactly as it stands in the readout." })
  text!: string;

  @Field(() => Int, { description: "Position among its siblings (1-based), in reading order." })
  seq!: number;

  @Field({
    description:
      "True when no keyword, rule or portfolio gave the item a theme: `themes` is empty, and the extraction warned of it.",
  })
  unclassified!: boolean;

  @Field({
    description:
      "True when a curator rejected it (rejectItem: not a real item): lists, counts, patterns, search and exports leave it out; its id still answers.",
  })
  rejected!: boolean;
}
