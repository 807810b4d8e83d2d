import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Context, load } from "../graphql/context";
import { Meeting } from "../meeting/meeting.type";
import { attendeesByMeeting, chairByMeeting } from "./person.repository";
import { Person } from "./person.type";

// Fields of other aggregates' types that lead to people (they live here, above those aggregates:
// see ../README.md on folder order).

@Resolver(() => Meeting)
export class MeetingPeopleResolver {
  @FieldResolver(() => Person, { nullable: true, description: "Who chaired and assessed the reports." })
  chair(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Person | null> {
    return load(ctx, chairByMeeting, meeting.id);
  }

  @FieldResolver(() => [Person], { description: "Leaders named as attending, in the order named." })
  attendees(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Person[]> {
    return load(ctx, attendeesByMeeting, meeting.id);
  }
}
