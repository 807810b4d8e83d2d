import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { CorrectionRecord } from "../../pipeline/curation/correction.record";
import { Correction } from "../correction/correction.type";
import { ReviewEntry, ReviewEntryRecord } from "../correction/review.type";
import { Context } from "../graphql/context";
import { Node, Typed } from "../graphql/node.type";
import { loadLabelled, loadNodes } from "./node.repository";

// Fields whose answer is any Node live here, above every aggregate whose loader they may use
// (see ../README.md on folder order).

@Resolver(() => Correction)
export class CorrectionTargetResolver {
  @FieldResolver(() => Node, {
    nullable: true,
    description:
      "What it changed: the item, report or department (a merged one's id answers with the body it went into); for an undo, the correction it took back. Null when a re-extraction left no such target.",
  })
  async target(@Root() correction: CorrectionRecord, @Ctx() ctx: Context): Promise<Typed | null> {
    const [node] = await loadNodes(ctx, [correction.targetId]);
    return node;
  }
}

@Resolver(() => ReviewEntry)
export class ReviewEntryItemResolver {
  @FieldResolver(() => Node, { description: "The achievement, shortcoming or directive." })
  async item(@Root() entry: ReviewEntryRecord, @Ctx() ctx: Context): Promise<Typed> {
    const [node] = await loadLabelled(ctx, [{ id: entry.itemId, label: entry.type }]);
    return node!;
  }
}
