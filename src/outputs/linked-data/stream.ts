import { Writable } from "node:stream";

/** The reader went away (client disconnected, pipe closed): stop producing, nothing to report. */
export class OutputClosed extends Error {
  constructor() {
    super("the output was closed before the end");
    this.name = "OutputClosed";
  }
}

/** Where streamed exports write: resolves when the chunk may be followed by the next one. */
export type ChunkWriter = (chunk: string) => Promise<void>;

/**
 * Writes to a stream with backpressure: when its buffer is full, the next chunk waits for
 * 'drain', so a slow reader slows the database reads instead of filling memory.
 */
export function chunkWriter(stream: Writable): ChunkWriter {
  return (chunk) => {
    if (!chunk) return Promise.resolve();
    if (stream.destroyed || stream.writableEnded) return Promise.reject(new OutputClosed());
    if (stream.write(chunk)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        stream.off("drain", onDrain);
        stream.off("close", onClose);
        stream.off("error", onError);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => settle();
      const onClose = () => settle(new OutputClosed());
      const onError = (e: Error) => settle(e);
      stream.on("drain", onDrain);
      stream.on("close", onClose);
      stream.on("error", onError);
    });
  };
}
