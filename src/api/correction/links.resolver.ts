import { ClassType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { CorrectionRecord } from "../../pipeline/curation/correction.record";
import { Achievement } from "../achievement/achievement.type";
import { Directive } from "../directive/directive.type";
import { Context, load } from "../graphql/context";
import { ItemRecord } from "../item/item.type";
import { Shortcoming } from "../shortcoming/shortcoming.type";
import { correctionsByTarget } from "./correction.repository";
import { Correction } from "./correction.type";

// Fields of other aggregates' types that lead to corrections (see ../README.md on folder order).

function ItemCorrections(type: ClassType) {
  @Resolver(() => type)
  class ItemCorrectionsResolver {
    @FieldResolver(() => [Correction], {
      description:
        "Curators' corrections of the item (its addition, retags, rejection), newest first, undone ones included.",
    })
    corrections(@Root() item: ItemRecord, @Ctx() ctx: Context): Promise<CorrectionRecord[]> {
      return load(ctx, correctionsByTarget, item.id);
    }
  }
  return ItemCorrectionsResolver;
}

export const AchievementCorrectionsResolver = ItemCorrections(Achievement);
export const ShortcomingCorrectionsResolver = ItemCorrections(Shortcoming);
export const DirectiveCorrectionsResolver = ItemCorrections(Directive);
