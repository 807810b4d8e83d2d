import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../graphql/connection";

/** Why an item is in the review queue. */
export enum ReviewReason {
  UNCLASSIFIED = "UNCLASSIFIED",
  FALLBACK_THEME = "FALLBACK_THEME",
  EXTRACTION_WARNING = "EXTRACTION_WARNING",
}

registerEnumType(ReviewReason, {
  name: "ReviewReason",
  description: "Why an item is in the review queue.",
  valuesConfig: {
    UNCLASSIFIED: { description: "Nothing gave it a theme." },
    FALLBACK_THEME: {
      description:
        "Its only themes are stand-ins, not read from its own words: the report's portfolio (reason portfolio:<subject>), the meeting's context (context:…) or a fallback rule of the lexicon.",
    },
    EXTRACTION_WARNING: { description: "Its document's extraction gave warnings (listed in `warnings`)." },
  },
});

/** A queue entry as the repository returns it. */
export interface ReviewEntryRecord {
  itemId: string;
  /** The item's label: Achievement, Shortcoming or Directive. */
  type: string;
  reasons: ReviewReason[];
  warnings: string[];
}

@ObjectType({ description: "An item a curator should look at, and why." })
export class ReviewEntry {
  @Field(() => [ReviewReason], { description: "Why it is in the queue (at least one)." })
  reasons!: ReviewReason[];

  @Field(() => [String], {
    description: "The warnings of its document's extraction (empty unless a reason is EXTRACTION_WARNING).",
  })
  warnings!: string[];
}

export const ReviewEntryConnection = Connection(ReviewEntry, "ReviewEntry");

@ObjectType({ description: "Who is asking: what the explorer needs to know to offer corrections." })
export class Viewer {
  @Field(() => String, {
    nullable: true,
    description: "The curator's name when the request carries a curator's token (never the token); else null.",
  })
  curator!: string | null;

  @Field({ description: "False when the server has no curator token configured: every mutation is refused." })
  mutationsEnabled!: boolean;
}
