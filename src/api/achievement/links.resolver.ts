import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { Department } from "../department/department.type";
import { Context } from "../graphql/context";
import { ItemFilterArgs } from "../item/item.args";
import { itemConnection } from "../item/item.connection";
import { loadItems } from "../item/item.resolver";
import { ItemRecord } from "../item/item.type";
import { Report } from "../report/report.type";
import { achievementsByReport } from "./achievement.repository";
import { Achievement, AchievementConnection } from "./achievement.type";

// Fields of other aggregates' types that lead to achievements (see ../README.md on folder order).

@Resolver(() => Report)
export class ReportAchievementsResolver {
  @FieldResolver(() => [Achievement], { description: "What the chair praised, in reading order." })
  achievements(@Root() report: Report, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ItemRecord[]> {
    return loadItems(ctx, achievementsByReport, "Achievement", report.id, info);
  }
}

@Resolver(() => Department)
export class DepartmentAchievementsResolver {
  @FieldResolver(() => AchievementConnection, { description: "What it was praised for, newest first." })
  achievements(
    @Root() department: Department,
    @Args() args: ItemFilterArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return itemConnection(ctx, "Achievement", args, { departmentId: department.id }, info);
  }
}
