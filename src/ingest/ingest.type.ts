import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Meeting } from "../meeting/meeting.type";

export enum IngestResultStatus {
  CREATED = "created",
  UNCHANGED = "unchanged",
  DRY_RUN = "dry-run",
}

registerEnumType(IngestResultStatus, {
  name: "IngestStatus",
  valuesConfig: {
    CREATED: { description: "The readout was new and is now in the graph." },
    UNCHANGED: { description: "The same readout (same body text) was already in the graph; nothing was written." },
    DRY_RUN: { description: "Extracted and validated; nothing was written." },
  },
});

@InputType({ description: "A readout to ingest: its article body and front matter." })
export class ReadoutInput {
  @Field({ description: "The article body as published (no front matter)." })
  text!: string;

  @Field({ defaultValue: "", description: "Headline of the readout." })
  title!: string;

  @Field({ defaultValue: "", description: "Where it was published." })
  url!: string;

  @Field({
    description:
      "Publication date, YYYY-MM-DD (or YYYY when only the year is known): relative dates in the body resolve against it.",
  })
  published!: string;

  @Field({
    defaultValue: "",
    description:
      "The locality whose meeting it is (通州区, 宁波市), for texts that only say 我区 / 我市; the text's own words win.",
  })
  host!: string;
}

@ObjectType({ description: "What ingesting one readout did." })
export class IngestResult {
  @Field(() => IngestResultStatus)
  status!: IngestResultStatus;

  @Field(() => Meeting, { nullable: true, description: "The meeting; null on a dry run of a new readout." })
  meeting!: Meeting | null;

  @Field(() => Int, { description: "How many department reports the readout holds." })
  reports!: number;

  @Field(() => Int, {
    description:
      "How many of its achievements, shortcomings and directives no keyword, rule or portfolio gave a theme (each is `unclassified`).",
  })
  unclassified!: number;

  @Field(() => [String], { description: "What the extractor noticed and could not place." })
  warnings!: string[];
}
