import { Queryable } from "./neo4j";

/**
 * Waits until the search index holds every committed text (it is eventually consistent): writers
 * that answer a caller call it, so that what they wrote is searchable when they return.
 */
export async function awaitSearchable(db: Queryable): Promise<void> {
  await db.read("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()");
}
