import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { notFound } from "../../platform/errors";
import { Context, load } from "../graphql/context";
import { selectionOf } from "../graphql/selection";
import { Meeting } from "../meeting/meeting.type";
import { documentByMeeting, documentProjection } from "./document.repository";
import { Document } from "./document.type";

// Fields of other aggregates' types that lead to documents (see ../README.md on folder order).

@Resolver(() => Meeting)
export class MeetingDocumentResolver {
  @FieldResolver(() => Document, { description: "The readout that records the meeting." })
  async document(@Root() meeting: Meeting, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Document> {
    const doc = await load(ctx, documentByMeeting, meeting.id, documentProjection(selectionOf(info)));
    if (!doc) throw notFound(`meeting ${meeting.id} has no document`);
    return doc;
  }
}
