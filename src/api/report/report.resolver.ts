import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { Achievement } from "../achievement/achievement.type";
import { achievementsByReport } from "../achievement/achievement.repository";
import { departmentProjection, departmentsByReport, loadReportDepartment } from "../department/department.repository";
import { Department } from "../department/department.type";
import { Context, load } from "../graphql/context";
import { selectionOf } from "../graphql/selection";
import { loadItems } from "../item/item.resolver";
import { ItemRecord } from "../item/item.type";
import { loadMeeting } from "../meeting/meeting.repository";
import { Meeting } from "../meeting/meeting.type";
import { shortcomingsByReport } from "../shortcoming/shortcoming.repository";
import { Shortcoming } from "../shortcoming/shortcoming.type";
import { Report } from "./report.type";

@Resolver(() => Report)
export class ReportResolver {
  @FieldResolver(() => Department, {
    description: "The department that reported (the first, when two were assessed together).",
  })
  department(@Root() report: Report, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Department> {
    return loadReportDepartment(ctx, report.id, selectionOf(info));
  }

  @FieldResolver(() => [Department], { description: "All departments of the report: two when assessed together." })
  departments(@Root() report: Report, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Department[]> {
    return load(ctx, departmentsByReport, report.id, departmentProjection(selectionOf(info)));
  }

  @FieldResolver(() => Meeting)
  meeting(@Root() report: Report, @Ctx() ctx: Context): Promise<Meeting> {
    return loadMeeting(ctx, report.meetingId);
  }

  @FieldResolver(() => [Achievement], { description: "What the chair praised, in reading order." })
  achievements(@Root() report: Report, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ItemRecord[]> {
    return loadItems(ctx, achievementsByReport, "Achievement", report.id, info);
  }

  @FieldResolver(() => [Shortcoming], { description: "Where the chair found it falls short, in reading order." })
  shortcomings(@Root() report: Report, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ItemRecord[]> {
    return loadItems(ctx, shortcomingsByReport, "Shortcoming", report.id, info);
  }
}
