import { Queryable } from "../../platform/db/neo4j";
import { Context, defineLoader, keyedLoader, load } from "../graphql/context";
import * as q from "./theme.cypher";
import type { PolicyTheme } from "./theme.type";

/** All themes, top-level first in their fixed order. */
export async function allThemes(db: Queryable): Promise<PolicyTheme[]> {
  return (await db.read<{ theme: PolicyTheme }>(q.ALL_THEMES)).map((r) => r.theme);
}

// The scheme is a small fixed catalogue (synced from seed/themes.json at start-up; curators tag
// items with its themes but never change them): a request reads it whole at most once, and items
// carry only their themes' ids.
const themeScheme = defineLoader<"scheme", PolicyTheme[]>(async (db, keys) => {
  const themes = await allThemes(db);
  return keys.map(() => themes);
});

/** All themes, top-level first, read once per request however many fields ask. */
export function requestThemes(ctx: Context): Promise<PolicyTheme[]> {
  return load(ctx, themeScheme, "scheme");
}

const schemeMaps = new WeakMap<PolicyTheme[], Map<string, PolicyTheme>>();

/** The request's themes by id (see requestThemes). */
export async function requestThemesById(ctx: Context): Promise<Map<string, PolicyTheme>> {
  const themes = await requestThemes(ctx);
  let map = schemeMaps.get(themes);
  if (!map) {
    map = new Map(themes.map((t) => [t.id, t]));
    schemeMaps.set(themes, map);
  }
  return map;
}

export const themeById = keyedLoader<string, PolicyTheme | null>({
  cypher: q.THEMES_BY_ID,
  value: "theme",
  missing: null,
});

export const childrenByTheme = keyedLoader<string, PolicyTheme[]>({
  cypher: q.CHILDREN_BY_PARENT,
  value: "themes",
  missing: [],
});
