import { Args, Ctx, Query, Resolver } from "type-graphql";
import { ConnectionResult, PageArgs, pageOf, toConnection } from "../graphql/connection";
import { Context } from "../graphql/context";

import { reviewPage } from "./review.repository";
import { ReviewEntry, ReviewEntryConnection, ReviewEntryRecord, Viewer } from "./review.type";

@Resolver(() => ReviewEntry)
export class ReviewResolver {
  @Query(() => ReviewEntryConnection, {
    description:
      "Items a curator should look at first: unclassified, tagged only by a stand-in (portfolio, context or fallback rule), or from a document whose extraction gave warnings; newest meeting first, then in reading order. Rejected items, and items a curator retagged or added (unless still unclassified), are left out. A read like any other: open to whoever may read.",
  })
  async reviewQueue(@Args() args: PageArgs, @Ctx() ctx: Context): Promise<ConnectionResult<ReviewEntryRecord>> {
    const page = pageOf(args);
    const { total, entries } = await reviewPage(ctx.db, page);
    return toConnection(entries, total, page);
  }

  @Query(() => Viewer, { description: "Who is asking: the curator's name for a curator's token, else null." })
  viewer(@Ctx() ctx: Context): Viewer {
    return { curator: ctx.caller.curatorName, mutationsEnabled: ctx.caller.mutationsEnabled };
  }
}
