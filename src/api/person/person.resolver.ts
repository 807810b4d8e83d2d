import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Context, load } from "../graphql/context";
import { Meeting } from "../meeting/meeting.type";
import { meetingsByPerson } from "./person.repository";
import { Person } from "./person.type";

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Meeting], { description: "Meetings the person chaired or attended, newest first." })
  meetings(@Root() person: Person, @Ctx() ctx: Context): Promise<Meeting[]> {
    return load(ctx, meetingsByPerson, person.id);
  }
}
