import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { badInput } from "../../platform/errors";
import { checkReadoutSize, ReadoutInputError } from "../../pipeline/extraction/decode";
import { Context } from "../graphql/context";
import { requireCurator } from "../graphql/guards";
import { loadMeeting } from "../meeting/meeting.repository";
import { ReadoutFormat } from "../../pipeline/extraction/input";
import { isPublishedDate, readoutFileText } from "../../pipeline/extraction/readout";
import { ingestReadoutText } from "../../pipeline/ingest/ingest.service";
import { IngestResult, IngestResultStatus, ReadoutInput } from "./ingest.type";

const MAX_TITLE = 500;
const MAX_URL = 2048;
const MAX_HOST = 40;

function checkBody(value: string, argument: string): void {
  try {
    checkReadoutSize(Buffer.byteLength(value, "utf8"));
  } catch (e) {
    throw badInput(`${argument}: ${(e as ReadoutInputError).message}`, { argument: `input.${argument}` });
  }
  if (!value.trim()) throw badInput(`${argument} is empty`, { argument: `input.${argument}` });
  if (value.includes("\u0000"))
    throw badInput(`${argument} contains NUL characters: not a readout`, { argument: `input.${argument}` });
}

/** Refuses input the graph must not take, before anything is extracted or written. */
export function validateReadoutInput(input: ReadoutInput): void {
  const given = (["text", "html"] as const).filter((k) => input[k] !== null && input[k] !== undefined);
  if (given.length !== 1) {
    throw badInput(given.length ? "give text or html, not both" : "give the readout as text or as html", {
      argument: "input",
    });
  }
  checkBody(input[given[0]]!, given[0]);
  if (input.title.length > MAX_TITLE)
    throw badInput(`title is longer than ${MAX_TITLE} characters`, { argument: "input.title" });
  if (input.url.length > MAX_URL) throw badInput(`url is longer than ${MAX_URL} characters`, { argument: "input.url" });
  if (input.host.length > MAX_HOST)
    throw badInput(`host is longer than ${MAX_HOST} characters`, { argument: "input.host" });
  if (input.published && !isPublishedDate(input.published)) {
    throw badInput(`published must be YYYY-MM-DD or YYYY, got ${JSON.stringify(input.published)}`, {
      argument: "input.published",
    });
  }
}

// A page's own title, URL and date win; the input's fields fill in where it is silent.
function readoutText(input: ReadoutInput): { text: string; format: ReadoutFormat } {
  if (input.html != null) return { text: input.html, format: "html" };
  return { text: readoutFileText(input, input.text ?? ""), format: "text" };
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
    const { text, format } = readoutText(input);
    const { title, url, published, host } = input;
    const outcome = await ingestReadoutText(ctx.db, text, {
      dryRun,
      format,
      defaults: { title, url, published, host },
      publishedFlag: "input.published",
    });
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
