import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from "type-graphql";
import { badInput } from "../errors";
import { Context } from "../graphql/context";
import { checkWindow, DateScalar } from "../graphql/date.scalar";
import {
  persistentShortcomings,
  recurringShortcomingThemes,
  ShortcomingPersistenceRecord,
  ThemeRecurrenceRecord,
} from "./pattern.repository";
import { ShortcomingPersistence, ThemeRecurrence } from "./pattern.type";

const MAX_SHORTCOMINGS = 500;

@ArgsType()
class PatternArgs {
  @Field(() => DateScalar, { nullable: true, description: "Count meetings on or after this date." })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Count meetings on or before this date." })
  to?: string | null;

  @Field({ defaultValue: false, description: "Count each shortcoming only for its first (most fitting) theme." })
  primaryOnly!: boolean;

  @Field(() => Int, { defaultValue: 50, description: `Shortcomings listed per result (0 to ${MAX_SHORTCOMINGS}).` })
  shortcomingLimit!: number;
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

  @Field(() => ID, { nullable: true, description: "Only this department." })
  departmentId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this theme (with its narrower themes)." })
  themeId?: string | null;
}

function checkPatternArgs(args: PatternArgs, minimum: [string, number]): void {
  checkWindow(args.from, args.to);
  if (minimum[1] < 1) throw badInput(`"${minimum[0]}" must be at least 1, got ${minimum[1]}`);
  if (args.shortcomingLimit < 0 || args.shortcomingLimit > MAX_SHORTCOMINGS) {
    throw badInput(`"shortcomingLimit" must be between 0 and ${MAX_SHORTCOMINGS}, got ${args.shortcomingLimit}`);
  }
}

@Resolver()
export class PatternResolver {
  @Query(() => [ThemeRecurrence], {
    description:
      "The headline pattern: themes on which several departments fall short, across all meetings in the window, most widespread first.",
  })
  recurringShortcomingThemes(@Args() args: RecurrenceArgs, @Ctx() ctx: Context): Promise<ThemeRecurrenceRecord[]> {
    checkPatternArgs(args, ["minDepartments", args.minDepartments]);
    return recurringShortcomingThemes(ctx.db, args);
  }

  @Query(() => [ShortcomingPersistence], {
    description:
      "The same department flagged for the same theme at several meetings (minMeetings or more), most persistent first.",
  })
  persistentShortcomings(@Args() args: PersistenceArgs, @Ctx() ctx: Context): Promise<ShortcomingPersistenceRecord[]> {
    checkPatternArgs(args, ["minMeetings", args.minMeetings]);
    return persistentShortcomings(ctx.db, args);
  }
}
