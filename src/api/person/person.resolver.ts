import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Context, load } from "../graphql/context";
import { HistoryArgs, historyOf } from "../graphql/history.args";
import { Meeting } from "../meeting/meeting.type";
import { meetingsByPerson } from "./person.repository";
import { Person } from "./person.type";

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Meeting], {
    description:
      "Meetings the person chaired or attended, newest first; from/to/last bound them to a window or the newest N.",
  })
  meetings(@Root() person: Person, @Args() args: HistoryArgs, @Ctx() ctx: Context): Promise<Meeting[]> {
    return load(ctx, meetingsByPerson, person.id, historyOf(args));
  }
}
