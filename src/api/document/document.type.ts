import { Field, ObjectType } from "type-graphql";
import { Node } from "../graphql/node.type";

@ObjectType({ implements: Node, description: "A published readout, kept whole: the source of every extracted item." })
export class Document extends Node {
  __typename!: "Document";

  @Field()
  title!: string;

  @Field({ description: "Where it was published; empty when unknown." })
  url!: string;

  @Field({ description: "Publication date as given: YYYY-MM-DD, or YYYY where only the year is known." })
  published!: string;

  @Field({ description: "The article body; item offsets point into this text." })
  text!: string;

  @Field({ description: "SHA-256 of the text: the same body is the same document." })
  sha256!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The version of the extractor that read this document (see `reextract`); `given` for one written from a reviewed extraction, null for one written before versions were recorded.",
  })
  extractorVersion!: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "What the extractor warned of as it read this document (a report without shortcomings, a chair not found …), besides unclassified items (each item says so); null for a document written before warnings were kept (`policygraph reextract --all` records them).",
  })
  extractionWarnings!: string[] | null;
}
