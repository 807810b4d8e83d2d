import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Context, load } from "../graphql/context";
import { Meeting } from "../meeting/meeting.type";
import { meetingsByDocument } from "./document.repository";
import { Document } from "./document.type";

@Resolver(() => Document)
export class DocumentResolver {
  @FieldResolver(() => [Meeting], { description: "The meeting(s) this readout records." })
  meetings(@Root() document: Document, @Ctx() ctx: Context): Promise<Meeting[]> {
    return load(ctx, meetingsByDocument, document.id);
  }
}
