import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { databaseUnavailable } from "../../platform/errors";
import { extractorVersion } from "../../pipeline/extraction/extractor-version";
import { Context } from "../graphql/context";
import { requireCurator } from "../graphql/guards";
import { reextractDocuments } from "../../pipeline/ingest/reextract.service";
import { ReextractResult, ReextractStatus } from "./reextract.type";

const STATUS = {
  updated: ReextractStatus.UPDATED,
  unchanged: ReextractStatus.UNCHANGED,
  failed: ReextractStatus.FAILED,
} as const;

@Resolver()
export class ReextractResolver {
  @Mutation(() => ReextractResult, {
    description:
      "Runs the current extractor again over the stored documents an older version read (every one with `all`), one transaction per document: unchanged items keep their ids, departments are resolved anew, derived data follows (curators only). Stops before the request's deadline: go on with `after: continueAfter`. dryRun writes nothing.",
  })
  async reextract(
    @Arg("all", () => Boolean, { defaultValue: false }) all: boolean,
    @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Arg("after", () => ID, {
      nullable: true,
      description: "Go on after this document id (a stopped run's continueAfter).",
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ReextractResult> {
    requireCurator(ctx);
    const run = await reextractDocuments(ctx.db.maintenance(), { all, dryRun, after, deadline: ctx.db.deadline });
    if (run.unavailable)
      throw databaseUnavailable(`The graph database went away during re-extraction: ${run.unavailable}`);
    const count = (s: keyof typeof STATUS) => run.rows.filter((r) => r.status === s).length;
    return {
      dryRun,
      extractorVersion: extractorVersion(),
      updated: count("updated"),
      unchanged: count("unchanged"),
      failed: count("failed"),
      remaining: run.remaining,
      continueAfter: run.continueAfter,
      documents: run.rows.map(({ document, status, ...rest }) => ({
        documentId: document,
        status: STATUS[status],
        ...rest,
      })),
    };
  }
}
