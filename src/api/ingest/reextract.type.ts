import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ReextractStatus {
  UPDATED = "updated",
  UNCHANGED = "unchanged",
  FAILED = "failed",
}

registerEnumType(ReextractStatus, {
  name: "ReextractStatus",
  valuesConfig: {
    UPDATED: {
      description:
        "The current extractor reads the document differently; its meeting, reports and items were rewritten (or, on a dry run, would be).",
    },
    UNCHANGED: {
      description: "The current extractor reads what is stored; only the new extractor version was recorded.",
    },
    FAILED: { description: "The document could not be extracted again; the graph keeps it as it was (see `error`)." },
  },
});

@ObjectType({ description: "What re-extracting one document did (on a dry run: would do)." })
export class ReextractDocumentResult {
  @Field(() => ID)
  documentId!: string;

  @Field(() => ReextractStatus)
  status!: ReextractStatus;

  @Field(() => Int, { description: "Items the extractor finds now and did not before (new ids)." })
  added!: number;

  @Field(() => Int, { description: "Items it found before and does not now (deleted with their links)." })
  removed!: number;

  @Field(() => Int, { description: "Items kept (same kind, span and text, same id) whose themes changed." })
  retagged!: number;

  @Field(() => Int, { description: "Reports kept whose departments changed: their subject resolved anew." })
  resolved!: number;

  @Field(() => [ID], { description: "Corrections whose target the rewrite took away." })
  orphaned!: string[];

  @Field(() => String, { nullable: true, description: "Why it failed." })
  error!: string | null;
}

@ObjectType({ description: "What a re-extraction run did." })
export class ReextractResult {
  @Field({ description: "Nothing was written: the counts say what a run would do." })
  dryRun!: boolean;

  @Field({ description: "The extractor version documents now record." })
  extractorVersion!: string;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int, {
    description:
      "Documents of the run not tried because the request's deadline was near: call again with `after: continueAfter`.",
  })
  remaining!: number;

  @Field(() => ID, {
    nullable: true,
    description:
      "While `remaining` is above zero: pass it as `after` (with the same `all`) to go on where this run stopped; null to go on from the start.",
  })
  continueAfter!: string | null;

  @Field(() => [ReextractDocumentResult], { description: "One row per document tried, in id order." })
  documents!: ReextractDocumentResult[];
}
