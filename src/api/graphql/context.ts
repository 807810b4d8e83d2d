import DataLoader from "dataloader";
import { Queryable } from "../../platform/db/neo4j";
import { RequestDb, RequestDbLimits } from "./request-db";
import type { Caller } from "../../platform/http/auth";

export type { Caller };

/** Per-request state handed to every resolver. Nothing in it outlives the request. */
export interface Context {
  db: RequestDb;
  caller: Caller;
  /** DataLoaders of this request, by their definition, then by their options' JSON (see defineLoader). */
  loaders: Map<AnyLoaderDef, Map<string, DataLoader<unknown, unknown>>>;
  /** Base of entity IRIs, e.g. https://example.org (no trailing slash). */
  baseUrl: string;
}

/**
 * A batch function: values for keys, in the order of the keys, in one Cypher round trip. `options`
 * (what to read: a projection, a window) is shared by the whole batch; undefined reads everything.
 */
export interface LoaderDef<K, V, O = undefined> {
  batch(db: Queryable, keys: readonly K[], options: O | undefined): Promise<V[]>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyLoaderDef = LoaderDef<any, any, any>;

/**
 * Declares a batched loader; resolvers call `load(ctx, def, key, options)` and share one batch per
 * level and per options: keys loaded with different options (another projection, another window)
 * go in a batch of their own, so round trips grow with the operation, not with the answer.
 */
export function defineLoader<K, V, O = undefined>(
  batch: (db: Queryable, keys: readonly K[], options: O | undefined) => Promise<V[]>,
): LoaderDef<K, V, O> {
  return { batch };
}

/** The request's DataLoader for a definition and options (created on first use). */
export function loaderFor<K, V, O>(ctx: Context, def: LoaderDef<K, V, O>, options?: O): DataLoader<K, V> {
  let byOptions = ctx.loaders.get(def);
  if (!byOptions) {
    byOptions = new Map();
    ctx.loaders.set(def, byOptions);
  }
  // Options are built by code in a fixed key order, so equal options give equal JSON.
  const variant = options === undefined ? "" : JSON.stringify(options);
  let l = byOptions.get(variant) as DataLoader<K, V> | undefined;
  if (!l) {
    l = new DataLoader<K, V>((keys) => def.batch(ctx.db, keys, options), { maxBatchSize: 5_000 });
    byOptions.set(variant, l as DataLoader<unknown, unknown>);
  }
  return l;
}

/** Loads one value through the request's batched loader. */
export function load<K, V, O>(ctx: Context, def: LoaderDef<K, V, O>, key: K, options?: O): Promise<V> {
  return loaderFor(ctx, def, options).load(key);
}

/** Orders rows returned for a batch by their key field, filling gaps with `missing`. */
function byKeys<K, R, V>(keys: readonly K[], rows: R[], keyOf: (r: R) => K, valueOf: (r: R) => V, missing: V): V[] {
  const map = new Map<K, V>();
  for (const r of rows) map.set(keyOf(r), valueOf(r));
  return keys.map((k) => (map.has(k) ? (map.get(k) as V) : missing));
}

/** How a keyed loader reads a batch: one statement answering a row per key it finds. */
export interface KeyedLoaderSpec<K, R, V, O> {
  /** The statement, or the statement for the batch's options (a projection, a window). */
  cypher: string | ((options: O | undefined) => string);
  /** The statement's parameters; `{ ids: keys }` by default. */
  params?: (keys: readonly K[], options: O | undefined) => Record<string, unknown>;
  /** The key a row answers for; its `id` column by default. */
  key?: (row: R) => K;
  /** The value of a row: the column of that name, or a function of the row. */
  value: string | ((row: R) => V);
  /** The value of a key no row answered for. */
  missing: V;
}

/**
 * A batched loader reading a batch in one statement and answering each key with its row's value
 * (or `missing`), in the order of the keys: the body every loader by ids shares.
 */
export function keyedLoader<K, V, O = undefined, R = Record<string, unknown>>(
  spec: KeyedLoaderSpec<K, R, V, O>,
): LoaderDef<K, V, O> {
  const { cypher, params, missing } = spec;
  const keyOf = spec.key ?? ((r: R) => (r as { id: K }).id);
  const column = spec.value;
  const valueOf = typeof column === "string" ? (r: R) => (r as Record<string, V>)[column] : column;
  return defineLoader(async (db, keys, options) => {
    const statement = typeof cypher === "string" ? cypher : cypher(options);
    const rows = await db.read<R & object>(statement, params ? params(keys, options) : { ids: keys });
    return byKeys(keys, rows, keyOf, valueOf, missing);
  });
}

/** A fresh context for one request. */
export function createContext(db: Queryable, caller: Caller, baseUrl: string, limits: RequestDbLimits): Context {
  return { db: new RequestDb(db, limits), caller, loaders: new Map(), baseUrl };
}
