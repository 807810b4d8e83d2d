import { IRI_TYPES } from "../../src/model/iri";

/** The explorer's addresses. Entity pages live at the entities' own IRIs (/id/{type}/{id}). */
export type Route =
  | { view: "home" }
  | { view: "search"; q: string }
  | { view: "heatmap"; params: URLSearchParams }
  | { view: "recurring"; params: URLSearchParams }
  | { view: "persistent"; params: URLSearchParams }
  | { view: "graph"; id: string }
  | { view: "themes" }
  | { view: "review"; params: URLSearchParams }
  | { view: "curator" }
  | { view: "entity"; type: string; id: string }
  | { view: "missing"; path: string };

/** GraphQL type name → IRI path segment: the server's own table, so pages sit at the entities' IRIs. */
export const SEGMENTS: Readonly<Record<string, string>> = IRI_TYPES;

/** The explorer page (and IRI path) of an entity. */
export const entityPath = (typename: string, id: string): string =>
  `/id/${SEGMENTS[typename] ?? typename.toLowerCase()}/${encodeURIComponent(id)}`;

/** Reads the route from a URL. */
export function parseRoute(url: URL): Route {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const params = url.searchParams;
  if (path === "/") return { view: "home" };
  if (path === "/search") return { view: "search", q: params.get("q") ?? "" };
  if (path === "/patterns/heatmap") return { view: "heatmap", params };
  if (path === "/patterns/recurring") return { view: "recurring", params };
  if (path === "/patterns/persistent") return { view: "persistent", params };
  if (path === "/graph") return { view: "graph", id: params.get("id") ?? "" };
  if (path === "/id/theme") return { view: "themes" };
  if (path === "/review") return { view: "review", params };
  if (path === "/curator") return { view: "curator" };
  const m = /^\/id\/([a-z]+)\/([^/]+)$/.exec(path);
  if (m) return { view: "entity", type: m[1], id: decodeURIComponent(m[2]) };
  return { view: "missing", path };
}

/** Whether a link stays inside the explorer (handled without a page load). */
export function isAppPath(url: URL): boolean {
  if (url.origin !== location.origin || url.searchParams.has("format")) return false;
  return parseRoute(url).view !== "missing";
}
