import { Queryable } from "../db/neo4j";
import { DERIVE_BATCH, derivePending } from "../derived/derived.repository";
import { awaitSearchable } from "../search/search.repository";
import {
  ExistingDocument,
  findDocuments,
  IngestOutcome,
  PreparedReadout,
  prepareReadoutBytes,
  writePrepared,
} from "./ingest.service";

/** How a bulk ingest runs. */
export interface BulkOptions {
  dryRun?: boolean;
  /** Documents in flight at once, each in its own transaction (default 1: derivation runs beside it). */
  concurrency?: number;
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

/** What became of one input: its outcome, or the error that refused it (nothing of it written). */
export type BulkResult = { outcome: IngestOutcome; error?: undefined } | { outcome?: undefined; error: unknown };

/**
 * Ingests many readouts. Each document is still written in its own transaction, all or nothing,
 * `concurrency` of them at a time; what the documents imply (inferred links, tallies) is derived in
 * batches while they arrive and for the rest at the end, so that a document costs one write and a
 * share of a batch rather than a derivation of its own. A worker extracts a chunk of inputs and
 * asks in one read which of their documents are there already. `read` gives an input's bytes (throwing
 * refuses that input); `onResult` hears of each input as it completes. Resolves when everything
 * written is derived and searchable; rejects only when that final step fails (the documents stay
 * committed and pending, derived at the next start or ingest).
 */
export async function ingestMany<T>(
  db: Queryable,
  inputs: readonly T[],
  read: (input: T) => Uint8Array,
  options: BulkOptions,
  onResult: (index: number, result: BulkResult) => void,
): Promise<void> {
  const deriveEvery = options.deriveEvery ?? DERIVE_BATCH;
  let next = 0;
  let sinceDerived = 0;
  // Derivations while the ingest runs go one after another; a failed one is left to the final run.
  let deriving: Promise<unknown> = Promise.resolve();
  const lookupEvery = Math.max(1, options.lookupEvery ?? LOOKUP_BATCH);
  const settle = (index: number, result: BulkResult) => {
    if (result.outcome?.status === "created" && ++sinceDerived >= deriveEvery) {
      sinceDerived = 0;
      deriving = deriving.then(() => derivePending(db)).catch(() => undefined);
    }
    onResult(index, result);
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 1, inputs.length));
  const worker = async () => {
    while (next < inputs.length) {
      // Chunks shrink towards the end so that every worker keeps a share.
      const size = Math.min(lookupEvery, Math.ceil((inputs.length - next) / workers));
      const prepared: { index: number; readout: PreparedReadout }[] = [];
      for (const index of Array.from({ length: size }, () => next++)) {
        try {
          prepared.push({ index, readout: prepareReadoutBytes(read(inputs[index])) });
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
      for (const { index, readout } of prepared) {
        const known = existing.get(readout.rows.document.sha256);
        try {
          settle(index, {
            outcome: await writePrepared(db, readout, known, { dryRun: options.dryRun, derive: false }),
          });
        } catch (error) {
          settle(index, { error });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  await deriving;
  if (options.dryRun) return;
  await derivePending(db);
  await awaitSearchable(db);
}
