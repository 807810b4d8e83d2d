import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { badInput } from "../errors";
import { checkReadoutSize, ReadoutInputError } from "../extraction/decode";
import { Context } from "../graphql/context";
import { isIsoDate } from "../graphql/date.scalar";
import { requireCurator } from "../graphql/guards";
import { loadMeeting } from "../meeting/meeting.repository";
import { ingestReadoutText, readoutFileText } from "./ingest.service";
import { IngestResult, IngestResultStatus, ReadoutInput } from "./ingest.type";

const MAX_TITLE = 500;
const MAX_URL = 2048;
const MAX_HOST = 40;

/** Refuses input the graph must not take, before anything is extracted or written. */
export function validateReadoutInput(input: ReadoutInput): void {
  try {
    checkReadoutSize(Buffer.byteLength(input.text, "utf8"));
  } catch (e) {
    throw badInput(`text: ${(e as ReadoutInputError).message}`, { argument: "input.text" });
  }
  if (!input.text.trim()) throw badInput("text is empty", { argument: "input.text" });
  if (input.text.includes("\u0000"))
    throw badInput("text contains NUL characters: not a readout", { argument: "input.text" });
  if (input.title.length > MAX_TITLE)
    throw badInput(`title is longer than ${MAX_TITLE} characters`, { argument: "input.title" });
  if (input.url.length > MAX_URL) throw badInput(`url is longer than ${MAX_URL} characters`, { argument: "input.url" });
  if (input.host.length > MAX_HOST)
    throw badInput(`host is longer than ${MAX_HOST} characters`, { argument: "input.host" });
  if (!/^\d{4}$/.test(input.published) && !isIsoDate(input.published)) {
    throw badInput(`published must be YYYY-MM-DD or YYYY, got ${JSON.stringify(input.published)}`, {
      argument: "input.published",
    });
  }
}

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestResult, {
    description:
      "Extracts a readout and writes it into the graph in one transaction (curators only). The same body again is UNCHANGED; dryRun writes nothing.",
  })
  async ingestReadout(
    @Arg("input", () => ReadoutInput) input: ReadoutInput,
    @Arg("dryRun", () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<IngestResult> {
    requireCurator(ctx);
    validateReadoutInput(input);
    const outcome = await ingestReadoutText(ctx.db, readoutFileText(input, input.text), { dryRun });
    const status = {
      created: IngestResultStatus.CREATED,
      unchanged: IngestResultStatus.UNCHANGED,
      "dry-run": IngestResultStatus.DRY_RUN,
    }[outcome.status];
    return {
      status,
      meeting: status === IngestResultStatus.DRY_RUN ? null : await loadMeeting(ctx, outcome.meetingId),
      warnings: outcome.warnings,
      reports: outcome.reports,
      unclassified: outcome.unclassified,
    };
  }
}
