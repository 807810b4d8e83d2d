import { Queryable } from "../../platform/db/neo4j";
import { byKeys, defineLoader } from "../graphql/context";
import * as q from "./theme.cypher";
import type { PolicyTheme } from "./theme.type";

/** All themes, top-level first in their fixed order. */
export async function allThemes(db: Queryable): Promise<PolicyTheme[]> {
  return (await db.read<{ theme: PolicyTheme }>(q.ALL_THEMES)).map((r) => r.theme);
}

export const themeById = defineLoader<string, PolicyTheme | null>(async (db, ids) => {
  const rows = await db.read<{ id: string; theme: PolicyTheme }>(q.THEMES_BY_ID, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.theme,
    null,
  );
});

export const childrenByTheme = defineLoader<string, PolicyTheme[]>(async (db, ids) => {
  const rows = await db.read<{ id: string; themes: PolicyTheme[] }>(q.CHILDREN_BY_PARENT, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.themes,
    [],
  );
});
