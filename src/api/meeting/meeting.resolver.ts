import type { GraphQLResolveInfo } from "graphql";
import { Args, ArgsType, Ctx, Field, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { hostByMeeting } from "../department/department.repository";
import { Department } from "../department/department.type";
import { directivesByMeeting } from "../directive/directive.repository";
import { Directive } from "../directive/directive.type";
import { documentByMeeting, documentProjection } from "../document/document.repository";
import { Document } from "../document/document.type";
import { notFound } from "../../platform/errors";
import { ConnectionResult, PageArgs, pageOf, toConnection } from "../graphql/connection";
import { Context, load } from "../graphql/context";
import { checkWindow, DateScalar } from "../graphql/date.scalar";
import { selectionOf } from "../graphql/selection";
import { loadItems } from "../item/item.resolver";
import { ItemRecord } from "../item/item.type";
import { attendeesByMeeting, chairByMeeting } from "../person/person.repository";
import { Person } from "../person/person.type";
import { reportsByMeeting } from "../report/report.repository";
import { Report } from "../report/report.type";
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

  @FieldResolver(() => Person, { nullable: true, description: "Who chaired and assessed the reports." })
  chair(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Person | null> {
    return load(ctx, chairByMeeting, meeting.id);
  }

  @FieldResolver(() => Department, {
    nullable: true,
    description: "The locality whose meeting it was (北京市, 通州区, 宁波市); null where the readout does not say.",
  })
  host(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Department | null> {
    return load(ctx, hostByMeeting, meeting.id);
  }

  @FieldResolver(() => [Person], { description: "Leaders named as attending, in the order named." })
  attendees(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Person[]> {
    return load(ctx, attendeesByMeeting, meeting.id);
  }

  @FieldResolver(() => [Report], { description: "The departments' turns, in speaking order." })
  reports(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Report[]> {
    return load(ctx, reportsByMeeting, meeting.id);
  }

  @FieldResolver(() => [Directive], { description: "What the meeting directed, in reading order." })
  directives(@Root() meeting: Meeting, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ItemRecord[]> {
    return loadItems(ctx, directivesByMeeting, "Directive", meeting.id, info);
  }

  @FieldResolver(() => Document, { description: "The readout that records the meeting." })
  async document(@Root() meeting: Meeting, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Document> {
    const doc = await load(ctx, documentByMeeting, meeting.id, documentProjection(selectionOf(info)));
    if (!doc) throw notFound(`meeting ${meeting.id} has no document`);
    return doc;
  }
}
