import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Context, load } from "../graphql/context";
import { Meeting } from "../meeting/meeting.type";
import { hostByMeeting } from "./department.repository";
import { Department } from "./department.type";

// Fields of other aggregates' types that lead to departments (see ../README.md on folder order).

@Resolver(() => Meeting)
export class MeetingHostResolver {
  @FieldResolver(() => Department, {
    nullable: true,
    description: "The locality whose meeting it was (北京市, 通州区, 宁波市); null where the readout does not say.",
  })
  host(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Department | null> {
    return load(ctx, hostByMeeting, meeting.id);
  }
}
