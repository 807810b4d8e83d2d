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

@InputType({
  description:
    "A readout to ingest: its article body and front matter, or a page saved from the publishing site (`html`), whose own title, URL and date win over the fields here.",
})
export class ReadoutInput {
  @Field(() => String, {
    nullable: true,
    description: "The article body as published (no front matter). Exactly one of text and html.",
  })
  text?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The page as saved from the site (HTML, up to 1 MiB): title, date and canonical URL come from its meta tags or date line, the body from its article container; the stored document text is that body. Exactly one of text and html.",
  })
  html?: string | null;

  @Field({ defaultValue: "", description: "Headline of the readout (with html: where the page gives none)." })
  title!: string;

  @Field({ defaultValue: "", description: "Where it was published (with html: where the page gives none)." })
  url!: string;

  @Field({
    defaultValue: "",
    description:
      "Publication date, YYYY-MM-DD (or YYYY when only the year is known): relative dates in the body resolve against it. With html, used where the page gives none. Needed when the text does not date its meeting by itself.",
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
