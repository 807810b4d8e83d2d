import { Args, ArgsType, Ctx, Field, Query, Resolver } from "type-graphql";

import { ConnectionResult, PageArgs, pageOf, toConnection } from "../graphql/connection";
import { Context } from "../graphql/context";
import { checkWindow, DateScalar } from "../graphql/date.scalar";

import { meetingPage } from "./meeting.repository";
import { Meeting, MeetingConnection, MeetingKind } from "./meeting.type";

@ArgsType()
class MeetingsArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true, description: "Meetings on or after this date." })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Meetings on or before this date." })
  to?: string | null;

  @Field(() => MeetingKind, { nullable: true })
  kind?: MeetingKind | null;
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, { description: "Meetings, newest first." })
  async meetings(
    @Args() { first, after, ...filter }: MeetingsArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionResult<Meeting>> {
    const page = pageOf({ first, after });
    checkWindow(filter.from, filter.to);
    const { total, nodes } = await meetingPage(ctx.db, filter, page);
    return toConnection(nodes, total, page);
  }
}
