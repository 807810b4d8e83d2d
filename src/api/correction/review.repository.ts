import { Queryable } from "../../platform/db/neo4j";
import { Page } from "../graphql/connection";
import { shippedThemeLexicon } from "../../model/theme.catalog";
import { REVIEW_QUEUE } from "./review.cypher";
import { ReviewEntryRecord } from "./review.type";

/** The reasons the lexicon's fallback rules give ("rule:<reason>"): a tag by one of them is a stand-in. */
export function fallbackRuleReasons(): string[] {
  return shippedThemeLexicon()
    .rules.filter((r) => r.fallback)
    .map((r) => `rule:${r.reason}`);
}

/** One page of the review queue, newest meeting first, with the total. */
export async function reviewPage(db: Queryable, page: Page): Promise<{ total: number; entries: ReviewEntryRecord[] }> {
  const [row] = await db.read<{ total: number; entries: ReviewEntryRecord[] }>(REVIEW_QUEUE, {
    ...page,
    fallbackReasons: fallbackRuleReasons(),
  });
  return { total: row.total, entries: row.entries };
}
