import { reapplyCorrections as reapplyStanding } from "../curation/correction.apply";
import { WriteTx } from "../../platform/db/neo4j";

/**
 * The seam between re-extraction and curators' corrections (issue 24, part 4: corrections stick).
 * Re-extraction rewrites only what the extractor put in the graph, told apart by the predicates
 * below; everything else is the corrections module's, which puts its corrections back on top.
 */

/**
 * Cypher predicate on an item `x`: the extractor made it. An item a curator added carries
 * `addedBy` (its correction's id); re-extraction neither matches, rewrites nor deletes it (though
 * it is unlinked when its report is gone).
 */
export const EXTRACTED_ITEM = "x.addedBy IS NULL AND coalesce(x.source, 'EXTRACTOR') = 'EXTRACTOR'";

/**
 * Cypher predicate on a relationship (ABOUT, GAVE, ADDRESSED_TO): the extractor stated it, not a
 * curator (`source: 'CURATOR'`). Re-extraction compares and rewrites only these; a correction that
 * leaves the extractor's own links in place (and hides them where it overrides them) lets an
 * unchanged document read as unchanged.
 */
export const extractedLink = (rel: string) => `coalesce(${rel}.source, 'EXTRACTOR') = 'EXTRACTOR'`;

/** extractedLink of a theme tag `a`. */
export const EXTRACTED_TAG = extractedLink("a");

/** What putting a document's corrections back found. */
export interface Reapplied {
  /** Ids of the corrections whose target no longer exists after the rewrite (reported, not dropped). */
  orphaned: string[];
}

/**
 * Puts the corrections of a document back on top of its re-extracted meeting, reports and items,
 * inside the re-extraction's transaction: called after the rewrite and before the meeting is
 * derived again, so that inferred links and tallies reflect the corrections. The rewrite keeps the
 * ids of items whose kind, span and text are unchanged and of reports whose order and subject are;
 * what it no longer finds is deleted with its relationships (a correction that pointed at it must
 * know its target by id). The kept items' extractor themes, places and addressees are written
 * afresh. Not called for a document whose new reading equals what is stored (nothing was
 * rewritten); ../correction puts the standing corrections back and flags those whose target is gone.
 */
export function reapplyCorrections(tx: WriteTx, documentId: string): Promise<Reapplied> {
  return reapplyStanding(tx, documentId);
}
