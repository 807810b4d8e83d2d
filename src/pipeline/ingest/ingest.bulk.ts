import { isUnavailable, Queryable } from "../../platform/db/neo4j";
import { AppError, ErrorCode } from "../../platform/errors";
import { DERIVE_BATCH, derivePending } from "../derived/derived.repository";
import { awaitSearchable } from "../../platform/db/search-index";
import {
  ExistingDocument,
  findDocuments,
  IngestOutcome,
  PreparedReadout,
  PrepareOptions,
  prepareReadoutBytes,
  writePrepared,
} from "./ingest.service";
import { ReadoutFormat } from "../extraction/input";
import { writeReadoutGroup } from "./ingest.writer";

/** How a bulk ingest runs; `defaults` and `publishedFlag` apply to every input (see PrepareOptions). */
export interface BulkOptions extends Omit<PrepareOptions, "format"> {
  dryRun?: boolean;
  /** Workers writing at once (default 1: derivation runs beside it). */
  concurrency?: number;
  /** New documents written together in one transaction (default WRITE_GROUP; 1: each on its own). */
  groupEvery?: number;
  /** Documents created between two derivations while the ingest runs (default DERIVE_BATCH). */
  deriveEvery?: number;
  /** Inputs a worker extracts and looks up together, in one read, before writing them (default LOOKUP_BATCH). */
  lookupEvery?: number;
}

/**
 * Inputs whose documents are looked up in one read. A read per document was two more round trips
 * beside each write (a few ms each on loopback), and re-running an ingest over a folder was mostly
 * those reads.
 */
export const LOOKUP_BATCH = 32;

/**
 * New documents committed together. A transaction costs the same few milliseconds of Neo4j CPU
 * however little it writes, and one statement over sixteen documents took half the CPU per document
 * of sixteen statements (bench/ingest.bench.mjs). A group that fails is written again document by
 * document, so each document stays all or nothing and one that cannot be written holds no other back.
 */
export const WRITE_GROUP = 16;

/**
 * Inputs in a row refused because the database could not be reached, after which a bulk ingest
 * stops: each further input would wait out the driver's timeouts on its own (seconds each, half an
 * hour for a folder), and a re-run finishes the rest anyway (what is in is `unchanged`).
 */
export const STOP_AFTER_UNAVAILABLE = 3;

/** ingestMany's rejection when the database went away: how many inputs it never tried. */
export class IngestStopped extends AppError {
  constructor(
    readonly notTried: number,
    cause: unknown,
  ) {
    super(
      ErrorCode.DATABASE_UNAVAILABLE,
      `stopped: the database could not be reached for ${STOP_AFTER_UNAVAILABLE} documents in a row (${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)})`,
    );
  }
}

/** An input's bytes, with its format when its name tells it (else it is told from the content). */
export interface InputBytes {
  bytes: Uint8Array;
  format?: ReadoutFormat;
}

/** What became of one input: its outcome, or the error that refused it (nothing of it written). */
export type BulkResult = { outcome: IngestOutcome; error?: undefined } | { outcome?: undefined; error: unknown };

/**
 * Ingests many readouts. Each document is written all or nothing, and one that fails takes no other
 * with it: new documents are committed WRITE_GROUP at a time, and a group whose transaction fails
 * is written again one document per transaction, which leaves the failing ones out with their own
 * errors. What the documents imply (inferred links, tallies) is derived in batches while they arrive
 * and for the rest at the end, so that a document costs a share of a write and of a batch rather
 * than a derivation of its own. A worker extracts a chunk of inputs and asks in one read which of
 * their documents are there already. `read` gives an input's bytes, and its format where known (throwing refuses that input);
 * `onResult` hears of each input once it is committed or refused. Resolves when everything written
 * is derived and searchable; rejects only when that final step fails (the documents stay committed
 * and pending, derived at the next start or ingest). When the database cannot be reached for
 * STOP_AFTER_UNAVAILABLE inputs in a row it stops trying the rest and rejects with IngestStopped
 * (the committed documents stay; the untried inputs hear nothing).
 */
export async function ingestMany<T>(
  db: Queryable,
  inputs: readonly T[],
  read: (input: T) => Uint8Array | InputBytes,
  options: BulkOptions,
  onResult: (index: number, result: BulkResult) => void,
): Promise<void> {
  const deriveEvery = options.deriveEvery ?? DERIVE_BATCH;
  let next = 0;
  let sinceDerived = 0;
  // Derivations while the ingest runs go one after another; a failed one is left to the final run.
  let deriving: Promise<unknown> = Promise.resolve();
  const lookupEvery = Math.max(1, options.lookupEvery ?? LOOKUP_BATCH);
  const groupEvery = Math.max(1, options.groupEvery ?? WRITE_GROUP);
  let unavailableInARow = 0;
  let stoppedBy: unknown = undefined;
  let settled = 0;
  const settle = (index: number, result: BulkResult) => {
    settled++;
    if (result.error !== undefined && isUnavailable(result.error)) {
      if (++unavailableInARow >= STOP_AFTER_UNAVAILABLE && stoppedBy === undefined) stoppedBy = result.error;
    } else if (result.outcome) unavailableInARow = 0;
    if (result.outcome?.status === "created" && ++sinceDerived >= deriveEvery) {
      sinceDerived = 0;
      deriving = deriving.then(() => derivePending(db)).catch(() => undefined);
    }
    onResult(index, result);
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 1, inputs.length));
  const worker = async () => {
    while (next < inputs.length && stoppedBy === undefined) {
      // Chunks shrink towards the end so that every worker keeps a share.
      const size = Math.min(lookupEvery, Math.ceil((inputs.length - next) / workers));
      const prepared: Prepared[] = [];
      for (const index of Array.from({ length: size }, () => next++)) {
        try {
          const got = read(inputs[index]);
          const { bytes, format } = got instanceof Uint8Array ? { bytes: got, format: undefined } : got;
          prepared.push({
            index,
            readout: prepareReadoutBytes(bytes, {
              defaults: options.defaults,
              publishedFlag: options.publishedFlag,
              format,
            }),
          });
        } catch (error) {
          settle(index, { error });
        }
      }
      let existing: Map<string, ExistingDocument>;
      try {
        existing = await findDocuments(
          db,
          prepared.map((p) => p.readout),
        );
      } catch (error) {
        prepared.forEach((p) => settle(p.index, { error }));
        continue;
      }
      const fresh: Prepared[] = [];
      for (const p of prepared) {
        const known = existing.get(p.readout.rows.document.sha256);
        if (known || options.dryRun)
          settle(p.index, await outcomeOf(() => writePrepared(db, p.readout, known, options)));
        else fresh.push(p);
      }
      for (const group of groups(fresh, groupEvery)) {
        if (stoppedBy !== undefined) {
          // Not tried: leave them for a re-run rather than wait out a timeout each.
          next = inputs.length;
          break;
        }
        await writeGroup(db, group, settle);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  await deriving;
  if (stoppedBy !== undefined) throw new IngestStopped(inputs.length - settled, stoppedBy);
  if (options.dryRun) return;
  await derivePending(db);
  await awaitSearchable(db);
}

interface Prepared {
  index: number;
  readout: PreparedReadout;
}

async function outcomeOf(write: () => Promise<IngestOutcome>): Promise<BulkResult> {
  try {
    return { outcome: await write() };
  } catch (error) {
    return { error };
  }
}

// Groups of at most `size` with distinct documents: the same document twice (two copies of a file)
// goes to a later group, where the writer finds it there and reports it unchanged.
function groups(fresh: Prepared[], size: number): Prepared[][] {
  const out: Prepared[][] = [];
  let current: Prepared[] = [];
  let ids = new Set<string>();
  for (const p of fresh) {
    const id = p.readout.rows.document.id;
    if (current.length === size || ids.has(id)) {
      out.push(current);
      current = [];
      ids = new Set();
    }
    current.push(p);
    ids.add(id);
  }
  if (current.length) out.push(current);
  return out;
}

// One transaction for the group; when it fails, one per document, each reporting its own outcome.
// A group whose transaction failed because the database is gone is not written again document by
// document: each would fail the same way after its own timeout.
async function writeGroup(db: Queryable, group: Prepared[], settle: (index: number, result: BulkResult) => void) {
  let groupError: unknown = undefined;
  const written =
    group.length > 1
      ? await writeReadoutGroup(
          db,
          group.map((p) => p.readout.rows),
        ).catch((e: unknown) => {
          groupError = e;
          return undefined;
        })
      : undefined;
  for (const [i, p] of group.entries()) {
    settle(
      p.index,
      written
        ? { outcome: { ...p.readout, ...written[i] } }
        : groupError !== undefined && isUnavailable(groupError)
          ? { error: groupError }
          : await outcomeOf(() => writePrepared(db, p.readout, undefined, { derive: false })),
    );
  }
}
