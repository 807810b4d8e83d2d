import { Queryable } from "../../platform/db/neo4j";
import { byKeys, defineLoader } from "../graphql/context";
import { Page } from "../graphql/connection";
import * as q from "../../pipeline/curation/correction.cypher";
import { CorrectionKind, CorrectionRecord, CorrectionRow, toRecord } from "../../pipeline/curation/correction.record";

export const correctionById = defineLoader<string, CorrectionRecord | null>(async (db, ids) => {
  const rows = await db.read<{ id: string; correction: CorrectionRow }>(q.CORRECTIONS_BY_ID, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => toRecord(r.correction),
    null,
  );
});

/** Every correction of each target, newest first (undone ones too: the item's history). */
export const correctionsByTarget = defineLoader<string, CorrectionRecord[]>(async (db, ids) => {
  const rows = await db.read<{ id: string; corrections: CorrectionRow[] }>(q.CORRECTIONS_BY_TARGET, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.corrections.map(toRecord),
    [],
  );
});

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
