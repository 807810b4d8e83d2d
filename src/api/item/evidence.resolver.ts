import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { documentById } from "../document/document.repository";
import { Document } from "../document/document.type";
import { Context, load } from "../graphql/context";
import { notFound } from "../../platform/errors";
import { Evidence, EvidenceRecord, TextSpan } from "./item.type";

async function sourceDocument(ctx: Context, evidence: EvidenceRecord): Promise<Document> {
  const doc = await load(ctx, documentById, evidence.documentId);
  if (!doc) throw notFound(`document ${evidence.documentId} is missing`);
  return doc;
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Document)
  document(@Root() evidence: EvidenceRecord, @Ctx() ctx: Context): Promise<Document> {
    return sourceDocument(ctx, evidence);
  }

  @FieldResolver(() => String, { description: "The characters [start, end) of the document text." })
  async quote(@Root() evidence: EvidenceRecord, @Ctx() ctx: Context): Promise<string> {
    return (await sourceDocument(ctx, evidence)).text.slice(evidence.start, evidence.end);
  }

  @FieldResolver(() => TextSpan, { description: "The whole sentence the item stands in." })
  async sentence(@Root() evidence: EvidenceRecord, @Ctx() ctx: Context): Promise<TextSpan> {
    const { text } = await sourceDocument(ctx, evidence);
    const { sentenceStart: start, sentenceEnd: end } = evidence;
    return { start, end, text: text.slice(start, end) };
  }
}
