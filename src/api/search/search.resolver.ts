import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { badInput } from "../../platform/errors";
import { Context } from "../graphql/context";
import { loadLabelled } from "../node/node.repository";
import { searchIndex } from "./search.repository";
import { luceneQuery, searchTerms, snippetOf } from "./search.query";
import { SearchHit } from "./search.type";

const MAX_HITS = 100;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      "Full-text search in Chinese over achievements, shortcomings, directives and departments; simplified and traditional script find each other. Words separated by spaces must all occur.",
  })
  async search(
    @Arg("query") query: string,
    @Arg("first", () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_HITS) {
      throw badInput(`"first" must be between 1 and ${MAX_HITS}, got ${first}`);
    }
    if (query.length > 200) throw badInput("the query is longer than 200 characters");
    const terms = searchTerms(query);
    if (!terms.length) throw badInput("the query has no words to search for");
    const rows = await searchIndex(ctx.db, luceneQuery(terms), first);
    const nodes = await loadLabelled(ctx, rows);
    return rows.flatMap((row, i) => {
      const node = nodes[i];
      return node ? [{ score: row.score, node, ...snippetOf(row.text, terms) }] : [];
    });
  }
}
