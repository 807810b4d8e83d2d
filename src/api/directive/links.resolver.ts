import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { Context } from "../graphql/context";
import { loadItems } from "../item/item.resolver";
import { ItemRecord } from "../item/item.type";
import { Meeting } from "../meeting/meeting.type";
import { directivesByMeeting } from "./directive.repository";
import { Directive } from "./directive.type";

// Fields of other aggregates' types that lead to directives (see ../README.md on folder order).

@Resolver(() => Meeting)
export class MeetingDirectivesResolver {
  @FieldResolver(() => [Directive], { description: "What the meeting directed, in reading order." })
  directives(@Root() meeting: Meeting, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ItemRecord[]> {
    return loadItems(ctx, directivesByMeeting, "Directive", meeting.id, info);
  }
}
