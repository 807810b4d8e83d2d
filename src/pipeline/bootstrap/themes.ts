import { Queryable } from "../../platform/db/neo4j";
import { themeCatalog } from "../../model/theme.catalog";
import { SYNC_THEMES } from "./themes.cypher";

/** Writes the shipped theme catalog into the graph (idempotent; run at start-up). */
export async function syncThemes(db: Queryable): Promise<void> {
  const themes = themeCatalog().map((t, position) => ({ ...t, parent: t.parent ?? null, position }));
  await db.write(SYNC_THEMES, { themes });
}
