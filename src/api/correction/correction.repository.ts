import { Queryable } from "../../platform/db/neo4j";
import { keyedLoader } from "../graphql/context";
import { Page } from "../graphql/connection";
import * as q from "../../pipeline/curation/correction.cypher";
import { CorrectionKind, CorrectionRecord, CorrectionRow, toRecord } from "../../pipeline/curation/correction.record";

export const correctionById = keyedLoader<
  string,
  CorrectionRecord | null,
  undefined,
  { id: string; correction: CorrectionRow }
>({ cypher: q.CORRECTIONS_BY_ID, value: (r) => toRecord(r.correction), missing: null });

/** Every correction of each target, newest first (undone ones too: the item's history). */
export const correctionsByTarget = keyedLoader<
  string,
  CorrectionRecord[],
  undefined,
  { id: string; corrections: CorrectionRow[] }
>({ cypher: q.CORRECTIONS_BY_TARGET, value: (r) => r.corrections.map(toRecord), missing: [] });

/** One page of the audit log, newest first, with the total. */
export async function correctionPage(
  db: Queryable,
  page: Page,
  filter: { kind?: CorrectionKind | null; author?: string | null },
): Promise<{ total: number; nodes: CorrectionRecord[] }> {
  const [row] = await db.read<{ total: number; nodes: CorrectionRow[] }>(q.CORRECTION_PAGE, {
    ...page,
    kind: filter.kind ?? null,
    author: filter.author ?? null,
  });
  return { total: row.total, nodes: row.nodes.map(toRecord) };
}
