import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Department } from "../department/department.type";
import { Context, load } from "../graphql/context";
import { HistoryArgs, historyOf } from "../graphql/history.args";
import { Meeting } from "../meeting/meeting.type";
import { reportsByDepartment, reportsByMeeting } from "./report.repository";
import { Report } from "./report.type";

// Fields of other aggregates' types that lead to reports (see ../README.md on folder order).

@Resolver(() => Meeting)
export class MeetingReportsResolver {
  @FieldResolver(() => [Report], { description: "The departments' turns, in speaking order." })
  reports(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Report[]> {
    return load(ctx, reportsByMeeting, meeting.id);
  }
}

@Resolver(() => Department)
export class DepartmentReportsResolver {
  @FieldResolver(() => [Report], {
    description: "Its turns at meetings, newest first; from/to/last bound them to a window or the newest N.",
  })
  reports(@Root() department: Department, @Args() args: HistoryArgs, @Ctx() ctx: Context): Promise<Report[]> {
    return load(ctx, reportsByDepartment, department.id, historyOf(args));
  }
}
