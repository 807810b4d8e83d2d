import { createWriteStream, renameSync, unlinkSync } from "node:fs";
import { Writable } from "node:stream";
import { chunkWriter } from "../outputs/linked-data/stream";

/** Writing the output failed (a full disk, a closed pipe): the output's fault, never the database's. */
export class OutputFailed extends Error {
  constructor(cause: unknown) {
    super(`cannot write the output: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

async function closeStream(stream: Writable): Promise<void> {
  stream.end();
  if (!stream.closed) await new Promise<void>((resolve) => stream.once("close", () => resolve()));
}

/**
 * Runs `produce` with a writer to the file `path`, or to stdout without one. A file is written
 * under `path.partial` and renamed when complete, so a failed run leaves nothing that looks whole
 * (the partial file is removed). Writes wait for the stream to drain; a failed write rejects as
 * OutputFailed.
 */
export async function writeOutput<T>(
  path: string | undefined,
  produce: (write: (chunk: string) => Promise<void>) => Promise<T>,
): Promise<T> {
  const partial = path && `${path}.partial`;
  const stream: Writable = partial ? createWriteStream(partial, { encoding: "utf8" }) : process.stdout;
  let failure: Error | undefined;
  const onError = (e: Error) => (failure = e);
  stream.on("error", onError);
  const toStream = chunkWriter(stream);
  const write = (chunk: string) =>
    toStream(chunk).catch((e: unknown) => Promise.reject(new OutputFailed(failure ?? e)));
  try {
    const result = await produce(write);
    if (partial) await closeStream(stream);
    if (failure) throw new OutputFailed(failure);
    if (path && partial) renameSync(partial, path);
    return result;
  } catch (e) {
    if (partial) {
      stream.destroy();
      try {
        unlinkSync(partial);
      } catch {
        // It was never created (the open failed).
      }
    }
    throw e;
  } finally {
    stream.off("error", onError);
  }
}
