import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { Department } from "../department/department.type";
import { Context } from "../graphql/context";
import { ItemFilterArgs } from "../item/item.args";
import { itemConnection } from "../item/item.connection";
import { loadItems } from "../item/item.resolver";
import { ItemRecord } from "../item/item.type";
import { Report } from "../report/report.type";
import { shortcomingsByReport } from "./shortcoming.repository";
import { Shortcoming, ShortcomingConnection } from "./shortcoming.type";

// Fields of other aggregates' types that lead to shortcomings (see ../README.md on folder order).

@Resolver(() => Report)
export class ReportShortcomingsResolver {
  @FieldResolver(() => [Shortcoming], { description: "Where the chair found it falls short, in reading order." })
  shortcomings(@Root() report: Report, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ItemRecord[]> {
    return loadItems(ctx, shortcomingsByReport, "Shortcoming", report.id, info);
  }
}

@Resolver(() => Department)
export class DepartmentShortcomingsResolver {
  @FieldResolver(() => ShortcomingConnection, { description: "Where it was found to fall short, newest first." })
  shortcomings(
    @Root() department: Department,
    @Args() args: ItemFilterArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return itemConnection(ctx, "Shortcoming", args, { departmentId: department.id }, info);
  }
}
