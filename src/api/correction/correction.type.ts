import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { Connection, PageArgs } from "../graphql/connection";
import { Node } from "../graphql/node.type";
import { CorrectionKind, ItemKind } from "../../pipeline/curation/correction.record";

export { CorrectionKind, ItemKind };
export type { CorrectionRecord } from "../../pipeline/curation/correction.record";

registerEnumType(CorrectionKind, {
  name: "CorrectionKind",
  description: "What a curator's correction does.",
  valuesConfig: {
    SET_ITEM_THEMES: { description: "setItemThemes: the item's themes became the given ones, in order." },
    REJECT_ITEM: { description: "rejectItem: not a real item; left out of lists, counts, patterns, search, exports." },
    ADD_ITEM: { description: "addItem: an item the extractor missed, by its span in the document." },
    ASSIGN_REPORT: { description: "assignReport: the report was given by another body." },
    MERGE_DEPARTMENTS: {
      description: "mergeDepartments: two nodes were one body; the first's id answers with the second.",
    },
    UNDO: { description: "undoCorrection: took back the correction it targets." },
  },
});

registerEnumType(ItemKind, { name: "ItemKind", description: "An achievement, shortcoming or directive." });

@ObjectType({
  implements: Node,
  description:
    "A curator's correction of what the extractor produced: kept apart from it, attributed and dated, applied on top of it (so it survives re-ingest, restart and re-extraction).",
})
export class Correction extends Node {
  __typename!: "Correction";

  @Field(() => CorrectionKind)
  kind!: CorrectionKind;

  @Field({ description: "The curator who made it: the name of their token (POLICYGRAPH_CURATOR_TOKENS)." })
  author!: string;

  @Field({ description: "When it was made: an ISO 8601 UTC timestamp." })
  at!: string;

  @Field({ description: "Why, in the curator's words." })
  reason!: string;

  @Field(() => ID, { description: "The id of what it changed (it may since have been merged or re-extracted away)." })
  targetId!: string;

  @Field(() => GraphQLJSONObject, {
    description:
      "What it asserts, by kind: themeIds; the added item's kind, span and report; departmentId and previousDepartmentIds; fromId and intoId; the undone correctionId.",
  })
  details!: Record<string, unknown>;

  @Field({ description: "True once an undoCorrection took it back." })
  undone!: boolean;

  @Field({
    description:
      "True when its target was gone after a re-extraction (the extractor no longer finds that item or report): kept, reported, not applied.",
  })
  orphaned!: boolean;
}

export const CorrectionConnection = Connection(Correction, "Correction");

@ArgsType()
export class CorrectionsArgs extends PageArgs {
  @Field(() => CorrectionKind, { nullable: true, description: "Only corrections of this kind." })
  kind?: CorrectionKind | null;

  @Field(() => String, { nullable: true, description: "Only corrections by this curator." })
  author?: string | null;
}

@InputType({ description: "An item the extractor missed, by its span in the document's text." })
export class AddItemInput {
  @Field(() => ID, { description: "The document (readout) the item stands in." })
  documentId!: string;

  @Field(() => ItemKind)
  kind!: ItemKind;

  @Field(() => Int, { description: "UTF-16 offset of its first character in the document text." })
  start!: number;

  @Field(() => Int, { description: "UTF-16 offset just after its last character." })
  end!: number;

  @Field(() => ID, {
    nullable: true,
    description:
      "The report it belongs to: required for achievements and shortcomings (a report of this document); none for directives, which belong to the meeting.",
  })
  reportId?: string | null;

  @Field(() => [ID], { defaultValue: [], description: "Its themes, most fitting first." })
  themeIds!: string[];

  @Field({ description: "Why the item is added." })
  reason!: string;
}
