import { Queryable } from "../../platform/db/neo4j";
import { achievementById } from "../achievement/achievement.repository";
import { correctionById } from "../correction/correction.repository";
import { departmentById } from "../department/department.repository";
import { directiveById } from "../directive/directive.repository";
import { documentById } from "../document/document.repository";
import { Context, load, LoaderDef } from "../graphql/context";
import type { Typed } from "../graphql/node.type";
import { meetingById } from "../meeting/meeting.repository";
import { personById } from "../person/person.repository";
import { reportById } from "../report/report.repository";
import { shortcomingById } from "../shortcoming/shortcoming.repository";
import { themeById } from "../theme/theme.repository";

/** The by-id loader of each node label (the label is also the GraphQL type name). */
// `never`: a node look-up passes no options, so every loader reads its whole record.
export const LOADER_BY_LABEL: Record<string, LoaderDef<string, Typed | null, never>> = {
  Department: departmentById,
  Meeting: meetingById,
  Report: reportById,
  Achievement: achievementById,
  Shortcoming: shortcomingById,
  Directive: directiveById,
  PolicyTheme: themeById,
  Document: documentById,
  Person: personById,
  Correction: correctionById,
};

// A department's id merged away (../correction) still answers: with the body it went into.
const LABELS_BY_ID = `
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
OPTIONAL MATCH (redirect:Redirect {fromId: id})
WITH id, n, redirect WHERE n IS NOT NULL OR redirect IS NOT NULL
RETURN id, CASE WHEN n IS NULL THEN 'Department' ELSE [l IN labels(n) WHERE l <> 'Entity'][0] END AS label`;

/** The label (GraphQL type) of each id, or undefined for ids the graph does not hold. */
export async function labelsOf(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.read<{ id: string; label: string }>(LABELS_BY_ID, { ids });
  return new Map(rows.filter((r) => r.label in LOADER_BY_LABEL).map((r) => [r.id, r.label]));
}

/** Loads entities whose labels are known, batching per type; null where the label is unknown. */
export function loadLabelled(ctx: Context, refs: readonly { id: string; label?: string }[]): Promise<(Typed | null)[]> {
  return Promise.all(
    refs.map(({ id, label }) => (label && label in LOADER_BY_LABEL ? load(ctx, LOADER_BY_LABEL[label], id) : null)),
  );
}

/** Loads any entities by id, in the order asked; null for ids the graph does not hold. */
export async function loadNodes(ctx: Context, ids: readonly string[]): Promise<(Typed | null)[]> {
  const labels = await labelsOf(ctx.db, ids);
  return loadLabelled(
    ctx,
    ids.map((id) => ({ id, label: labels.get(id) })),
  );
}
