import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";

import { departmentProjection, departmentsByReport, loadReportDepartment } from "../department/department.repository";
import { Department } from "../department/department.type";
import { Context, load } from "../graphql/context";
import { selectionOf } from "../graphql/selection";

import { loadMeeting } from "../meeting/meeting.repository";
import { Meeting } from "../meeting/meeting.type";

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
}
