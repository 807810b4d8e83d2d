import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionResult, pageOf, toConnection } from "../graphql/connection";
import { Context, load } from "../graphql/context";
import { requireCurator } from "../graphql/guards";

import { correctionById, correctionPage } from "./correction.repository";
import * as service from "../../pipeline/curation/correction.service";
import { AddItemInput, Correction, CorrectionConnection, CorrectionRecord, CorrectionsArgs } from "./correction.type";

const REASON = { description: "Why: kept with the correction and shown beside what it changed." };

@Resolver(() => Correction)
export class CorrectionResolver {
  @Query(() => CorrectionConnection, {
    description: "The audit log: every correction (undone ones and undos too), newest first.",
  })
  async corrections(
    @Args() { first, after, kind, author }: CorrectionsArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionResult<CorrectionRecord>> {
    const page = pageOf({ first, after });
    const { total, nodes } = await correctionPage(ctx.db, page, { kind, author });
    return toConnection(nodes, total, page);
  }

  @FieldResolver(() => Correction, { nullable: true, description: "The undo that took it back, if any." })
  undoneBy(@Root() correction: CorrectionRecord, @Ctx() ctx: Context): Promise<CorrectionRecord | null> {
    return correction.undoneById ? load(ctx, correctionById, correction.undoneById) : Promise.resolve(null);
  }

  @Mutation(() => Correction, {
    description: "Curators: the item's themes become these, in this order (most fitting first).",
  })
  setItemThemes(
    @Arg("id", () => ID) id: string,
    @Arg("themeIds", () => [ID]) themeIds: string[],
    @Arg("reason", REASON) reason: string,
    @Ctx() ctx: Context,
  ): Promise<CorrectionRecord> {
    const author = requireCurator(ctx);
    return service.setItemThemes(ctx.db, { author, reason }, { id, themeIds });
  }

  @Mutation(() => Correction, {
    description:
      "Curators: not a real item (a wrong split, not a shortcoming). Lists, counts, patterns, search and exports leave it out; it still answers by id, with rejected: true.",
  })
  rejectItem(
    @Arg("id", () => ID) id: string,
    @Arg("reason", REASON) reason: string,
    @Ctx() ctx: Context,
  ): Promise<CorrectionRecord> {
    const author = requireCurator(ctx);
    return service.rejectItem(ctx.db, { author, reason }, { id });
  }

  @Mutation(() => Correction, {
    description:
      "Curators: an item the extractor missed, by its span in the document (non-blank text; a report of the document for achievements and shortcomings). Its id derives from the correction; the correction's target is the item.",
  })
  addItem(@Arg("input", () => AddItemInput) input: AddItemInput, @Ctx() ctx: Context): Promise<CorrectionRecord> {
    const author = requireCurator(ctx);
    return service.addItem(ctx.db, { author, reason: input.reason }, input);
  }

  @Mutation(() => Correction, { description: "Curators: the report was given by another body." })
  assignReport(
    @Arg("reportId", () => ID) reportId: string,
    @Arg("departmentId", () => ID) departmentId: string,
    @Arg("reason", REASON) reason: string,
    @Ctx() ctx: Context,
  ): Promise<CorrectionRecord> {
    const author = requireCurator(ctx);
    return service.assignReport(ctx.db, { author, reason }, { reportId, departmentId });
  }

  @Mutation(() => Correction, {
    description:
      "Curators: two nodes are one body. The first's reports, directives, meetings, parts and names move to the second; its id answers with the second from then on (department, node), and readouts that name it go to the second.",
  })
  mergeDepartments(
    @Arg("fromId", () => ID) fromId: string,
    @Arg("intoId", () => ID) intoId: string,
    @Arg("reason", REASON) reason: string,
    @Ctx() ctx: Context,
  ): Promise<CorrectionRecord> {
    const author = requireCurator(ctx);
    return service.mergeDepartments(ctx.db, { author, reason }, { fromId, intoId });
  }

  @Mutation(() => Correction, {
    description:
      "Curators: takes a correction back (what it changed returns to what the extractor and the other corrections say); returns the UNDO correction. An undo cannot be undone.",
  })
  undoCorrection(
    @Arg("id", () => ID) id: string,
    @Arg("reason", REASON) reason: string,
    @Ctx() ctx: Context,
  ): Promise<CorrectionRecord> {
    const author = requireCurator(ctx);
    return service.undoCorrection(ctx.db, { author, reason }, { id });
  }
}
