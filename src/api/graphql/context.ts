import DataLoader from "dataloader";
import { Queryable } from "../../platform/db/neo4j";
import { RequestDb, RequestDbLimits } from "./request-db";
import type { Caller } from "../../platform/http/auth";

export type { Caller };

/** Per-request state handed to every resolver. Nothing in it outlives the request. */
export interface Context {
  db: RequestDb;
  caller: Caller;
  /** DataLoaders of this request, keyed by their definition (see defineLoader). */
  loaders: Map<LoaderDef<unknown, unknown>, DataLoader<unknown, unknown>>;
  /** Base of entity IRIs, e.g. https://example.org (no trailing slash). */
  baseUrl: string;
}

/** A batch function: values for keys, in the order of the keys, in one Cypher round trip. */
export interface LoaderDef<K, V> {
  batch(db: Queryable, keys: readonly K[]): Promise<V[]>;
}

/** Declares a batched loader; resolvers call `load(ctx, def, key)` and share one batch per level. */
export function defineLoader<K, V>(batch: (db: Queryable, keys: readonly K[]) => Promise<V[]>): LoaderDef<K, V> {
  return { batch };
}

/** The request's DataLoader for a definition (created on first use). */
export function loaderFor<K, V>(ctx: Context, def: LoaderDef<K, V>): DataLoader<K, V> {
  let l = ctx.loaders.get(def as LoaderDef<unknown, unknown>) as DataLoader<K, V> | undefined;
  if (!l) {
    l = new DataLoader<K, V>((keys) => def.batch(ctx.db, keys), { maxBatchSize: 5_000 });
    ctx.loaders.set(def as LoaderDef<unknown, unknown>, l as DataLoader<unknown, unknown>);
  }
  return l;
}

/** Loads one value through the request's batched loader. */
export function load<K, V>(ctx: Context, def: LoaderDef<K, V>, key: K): Promise<V> {
  return loaderFor(ctx, def).load(key);
}

/** Orders rows returned for a batch by their key field, filling gaps with `missing`. */
export function byKeys<K, R, V>(
  keys: readonly K[],
  rows: R[],
  keyOf: (r: R) => K,
  valueOf: (r: R) => V,
  missing: V,
): V[] {
  const map = new Map<K, V>();
  for (const r of rows) map.set(keyOf(r), valueOf(r));
  return keys.map((k) => (map.has(k) ? (map.get(k) as V) : missing));
}

/** A fresh context for one request. */
export function createContext(db: Queryable, caller: Caller, baseUrl: string, limits: RequestDbLimits): Context {
  return { db: new RequestDb(db, limits), caller, loaders: new Map(), baseUrl };
}
