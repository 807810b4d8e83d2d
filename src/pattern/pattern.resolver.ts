import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from "type-graphql";
import { badInput } from "../errors";
import { Context } from "../graphql/context";
import { DateScalar } from "../graphql/date.scalar";
import { recurringShortcomingThemes, ThemeRecurrenceRecord } from "./pattern.repository";
import { ThemeRecurrence } from "./pattern.type";

const MAX_SHORTCOMINGS = 500;

@ArgsType()
class RecurrenceArgs {
  @Field(() => Int, { defaultValue: 2, description: "Report only themes flagged for at least this many departments." })
  minDepartments!: number;

  @Field(() => DateScalar, { nullable: true, description: "Count meetings on or after this date." })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Count meetings on or before this date." })
  to?: string | null;

  @Field({ defaultValue: false, description: "Count each shortcoming only for its first (most fitting) theme." })
  primaryOnly!: boolean;

  @Field(() => Int, { defaultValue: 50, description: `Shortcomings listed per theme (0 to ${MAX_SHORTCOMINGS}).` })
  shortcomingLimit!: number;
}

@Resolver()
export class PatternResolver {
  @Query(() => [ThemeRecurrence], {
    description:
      "The headline pattern: themes on which several departments fall short, across all meetings in the window, most widespread first.",
  })
  recurringShortcomingThemes(@Args() args: RecurrenceArgs, @Ctx() ctx: Context): Promise<ThemeRecurrenceRecord[]> {
    if (args.minDepartments < 1) throw badInput(`"minDepartments" must be at least 1, got ${args.minDepartments}`);
    if (args.shortcomingLimit < 0 || args.shortcomingLimit > MAX_SHORTCOMINGS) {
      throw badInput(`"shortcomingLimit" must be between 0 and ${MAX_SHORTCOMINGS}, got ${args.shortcomingLimit}`);
    }
    return recurringShortcomingThemes(ctx.db, args);
  }
}
