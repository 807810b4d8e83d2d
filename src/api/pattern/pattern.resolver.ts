import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import { badInput, notFound } from "../../platform/errors";
import { byDepartment } from "../department/department.repository";
import { Context, load } from "../graphql/context";
import { selectionOf } from "../graphql/selection";
import { ItemRecord } from "../item/item.type";
import { loadMeeting } from "../meeting/meeting.repository";
import { Meeting } from "../meeting/meeting.type";
import { Shortcoming } from "../shortcoming/shortcoming.type";
import { checkWindow, DateScalar } from "../graphql/date.scalar";
import { DepartmentKind } from "../../model/department-kind";
import { checkThemeFilter } from "../../model/theme.catalog";
import { allThemes } from "../theme/theme.repository";
import {
  directiveCoverage,
  PersistenceKey,
  persistenceMeetingIds,
  persistentShortcomings,
  RecentShortcomingsKey,
  recentShortcomingsOfDepartment,
  recentShortcomingsOfTheme,
  recurringShortcomingThemes,
  ShortcomingPersistenceRecord,
  similarDepartments,
  SimilarDepartmentRecord,
  themeMatrix,
  ThemeCoverageRecord,
  ThemeMatrixRecord,
  ThemeRecurrenceRecord,
  timeline,
  TimelinePointRecord,
} from "./pattern.repository";
import {
  ShortcomingPersistence,
  SimilarDepartment,
  ThemeCoverage,
  ThemeMatrix,
  ThemeRecurrence,
  TimelinePoint,
} from "./pattern.type";

const nonEmpty = (rows: readonly unknown[]) => rows.length > 0;

const MAX_SHORTCOMINGS = 500;
const MAX_SIMILAR = 100;

@ArgsType()
class WindowArgs {
  @Field(() => DateScalar, { nullable: true, description: "Meetings on or after this date." })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Meetings on or before this date." })
  to?: string | null;
}

@ArgsType()
class MatrixArgs extends WindowArgs {
  @Field(() => DepartmentKind, { nullable: true, description: "Only departments of this kind." })
  kind?: DepartmentKind | null;
}

@ArgsType()
class TimelineArgs extends WindowArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only items about this theme (with its narrower themes; an unknown id is refused).",
  })
  themeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Only this department's achievements and shortcomings, and directives addressed to it (an unknown id is refused).",
  })
  departmentId?: string | null;
}

@ArgsType()
class PatternArgs extends WindowArgs {
  @Field({ defaultValue: false, description: "Count each shortcoming only for its first (most fitting) theme." })
  primaryOnly!: boolean;
}

@ArgsType()
class RecurrenceArgs extends PatternArgs {
  @Field(() => Int, { defaultValue: 2, description: "Report only themes flagged for at least this many departments." })
  minDepartments!: number;
}

@ArgsType()
class PersistenceArgs extends PatternArgs {
  @Field(() => Int, {
    defaultValue: 2,
    description: "Report only department × theme pairs flagged at at least this many meetings.",
  })
  minMeetings!: number;

  @Field(() => ID, { nullable: true, description: "Only this department (an unknown id is refused)." })
  departmentId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only this theme (with its narrower themes; an unknown id is refused).",
  })
  themeId?: string | null;
}

function checkPatternArgs(args: PatternArgs, minimum: [string, number]): void {
  checkWindow(args.from, args.to);
  if (minimum[1] < 1) throw badInput(`"${minimum[0]}" must be at least 1, got ${minimum[1]}`);
}

/** The `shortcomings(first)` list of a pattern result: the newest, counted as the pattern counted. */
function recentShortcomings(ctx: Context, key: RecentShortcomingsKey): Promise<ItemRecord[]> {
  if (!Number.isInteger(key.limit) || key.limit < 0 || key.limit > MAX_SHORTCOMINGS) {
    throw badInput(`"first" must be between 0 and ${MAX_SHORTCOMINGS}, got ${key.limit}`);
  }
  const loader = key.departmentId ? recentShortcomingsOfDepartment : recentShortcomingsOfTheme;
  return load(ctx, loader, JSON.stringify(key));
}

const SHORTCOMINGS_DESCRIPTION = `The newest shortcomings counted (first ≤ ${MAX_SHORTCOMINGS}); see shortcomingCount for all.`;

@Resolver(() => ThemeRecurrence)
export class ThemeRecurrenceResolver {
  @FieldResolver(() => [Shortcoming], { description: SHORTCOMINGS_DESCRIPTION })
  shortcomings(
    @Root() r: ThemeRecurrenceRecord,
    @Arg("first", () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ItemRecord[]> {
    return recentShortcomings(ctx, { ...r.counting, themeId: r.theme.id, limit: first });
  }
}

@Resolver(() => ShortcomingPersistence)
export class ShortcomingPersistenceResolver {
  @FieldResolver(() => [Meeting], { description: "The meetings that flagged it, newest first." })
  async meetings(@Root() p: ShortcomingPersistenceRecord, @Ctx() ctx: Context): Promise<Meeting[]> {
    const key: PersistenceKey = { ...p.counting, departmentId: p.department.id, themeId: p.theme.id };
    const ids = p.meetingIds ?? (await load(ctx, persistenceMeetingIds, JSON.stringify(key)));
    const meetings = await Promise.all(ids.map((id) => loadMeeting(ctx, id)));
    return meetings.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  }

  @FieldResolver(() => [Shortcoming], { description: SHORTCOMINGS_DESCRIPTION })
  shortcomings(
    @Root() p: ShortcomingPersistenceRecord,
    @Arg("first", () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ItemRecord[]> {
    return recentShortcomings(ctx, { ...p.counting, themeId: p.theme.id, departmentId: p.department.id, limit: first });
  }
}

@Resolver()
export class PatternResolver {
  @Query(() => [ThemeRecurrence], {
    description:
      "The headline pattern: themes on which several departments fall short, across all meetings in the window, most widespread first.",
  })
  recurringShortcomingThemes(
    @Args() args: RecurrenceArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ThemeRecurrenceRecord[]> {
    checkPatternArgs(args, ["minDepartments", args.minDepartments]);
    const selection = selectionOf(info);
    const parts = { departments: selection.has("departments"), meetingCount: selection.has("meetingCount") };
    return recurringShortcomingThemes(ctx.db, args, parts);
  }

  @Query(() => [ShortcomingPersistence], {
    description:
      "The same department flagged for the same theme at several meetings (minMeetings or more), most persistent first.",
  })
  async persistentShortcomings(
    @Args() args: PersistenceArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ShortcomingPersistenceRecord[]> {
    checkPatternArgs(args, ["minMeetings", args.minMeetings]);
    checkThemeFilter(args.themeId);
    const withMeetings = selectionOf(info).has("meetings");
    const read = (departmentId = args.departmentId) =>
      persistentShortcomings(ctx.db, { ...args, departmentId }, withMeetings);
    return args.departmentId ? byDepartment(ctx, args.departmentId, badInput, read, nonEmpty) : read();
  }

  @Query(() => ThemeMatrix, {
    description: "Departments × top-level themes: achievement, shortcoming and directive counts per cell.",
  })
  async themeMatrix(@Args() args: MatrixArgs, @Ctx() ctx: Context): Promise<ThemeMatrixRecord> {
    checkWindow(args.from, args.to);
    const columns = (await allThemes(ctx.db)).filter((t) => !t.parentId);
    return themeMatrix(ctx.db, columns, args);
  }

  @Query(() => [SimilarDepartment], {
    description:
      "Departments ranked by the overlap (Jaccard) of their shortcoming themes with this one's (an unknown id is NOT_FOUND).",
  })
  async similarDepartments(
    @Arg("id", () => ID) id: string,
    @Arg("first", () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<SimilarDepartmentRecord[]> {
    if (first < 1 || first > MAX_SIMILAR) throw badInput(`"first" must be between 1 and ${MAX_SIMILAR}, got ${first}`);
    return byDepartment(ctx, id, notFound, (departmentId) => similarDepartments(ctx.db, departmentId, first), nonEmpty);
  }

  @Query(() => [ThemeCoverage], {
    description:
      "Per theme flagged in the window: its shortcomings and the directives about it at the same or later meetings. Themes with uncovered shortcomings come first; directed: false marks a theme flagged but never directed on.",
  })
  directiveCoverage(@Args() args: WindowArgs, @Ctx() ctx: Context): Promise<ThemeCoverageRecord[]> {
    checkWindow(args.from, args.to);
    return directiveCoverage(ctx.db, args);
  }

  @Query(() => [TimelinePoint], { description: "Item counts per meeting, oldest first, for plotting." })
  async timeline(@Args() args: TimelineArgs, @Ctx() ctx: Context): Promise<TimelinePointRecord[]> {
    checkWindow(args.from, args.to);
    checkThemeFilter(args.themeId);
    const read = (departmentId = args.departmentId) => timeline(ctx.db, { ...args, departmentId });
    return args.departmentId ? byDepartment(ctx, args.departmentId, badInput, read, nonEmpty) : read();
  }
}
