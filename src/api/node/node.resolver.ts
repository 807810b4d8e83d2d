import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { badInput } from "../../platform/errors";
import { Context } from "../graphql/context";
import { Node, Typed } from "../graphql/node.type";
import { correctionIri, entityIri, EntityType } from "../../model/iri";
import { loadNodes } from "./node.repository";

const MAX_IDS = 100;

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any entity by id; null when the graph holds no such id." })
  async node(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Typed | null> {
    const [node] = await loadNodes(ctx, [id]);
    return node;
  }

  @Query(() => [Node], { nullable: "items", description: `Entities by id (at most ${MAX_IDS}), in the order asked.` })
  nodes(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(Typed | null)[]> {
    if (ids.length > MAX_IDS) throw badInput(`at most ${MAX_IDS} ids at once, got ${ids.length}`);
    return loadNodes(ctx, ids);
  }

  @FieldResolver(() => String)
  iri(@Root() node: Typed & { id: string }, @Ctx() ctx: Context): string {
    if (node.__typename === "Correction") return correctionIri(ctx.baseUrl, node.id);
    return entityIri(ctx.baseUrl, node.__typename as EntityType, node.id);
  }
}
