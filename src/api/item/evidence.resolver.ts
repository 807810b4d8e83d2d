import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { documentById, documentProjection, TEXT_ONLY } from "../document/document.repository";
import { Document } from "../document/document.type";
import { Context, load } from "../graphql/context";
import type { Projection } from "../graphql/projection";
import { selectionOf } from "../graphql/selection";
import { notFound } from "../../platform/errors";
import { Evidence, EvidenceRecord, TextSpan } from "./item.type";

async function sourceDocument(ctx: Context, evidence: EvidenceRecord, projection?: Projection): Promise<Document> {
  const doc = await load(ctx, documentById, evidence.documentId, projection);
  if (!doc) throw notFound(`document ${evidence.documentId} is missing`);
  return doc;
}

// The text of [start, end): as the item's read cut it, else from the document's text.
async function cut(
  ctx: Context,
  evidence: EvidenceRecord,
  cutText: string | null | undefined,
  start: number,
  end: number,
) {
  return typeof cutText === "string"
    ? cutText
    : (await sourceDocument(ctx, evidence, TEXT_ONLY)).text.slice(start, end);
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Document)
  document(@Root() evidence: EvidenceRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Document> {
    return sourceDocument(ctx, evidence, documentProjection(selectionOf(info)));
  }

  @FieldResolver(() => String, { description: "The characters [start, end) of the document text." })
  quote(@Root() evidence: EvidenceRecord, @Ctx() ctx: Context): Promise<string> {
    return cut(ctx, evidence, evidence.quote, evidence.start, evidence.end);
  }

  @FieldResolver(() => TextSpan, { description: "The whole sentence the item stands in." })
  async sentence(@Root() evidence: EvidenceRecord, @Ctx() ctx: Context): Promise<TextSpan> {
    const { sentenceStart: start, sentenceEnd: end } = evidence;
    return { start, end, text: await cut(ctx, evidence, evidence.sentenceText, start, end) };
  }
}
