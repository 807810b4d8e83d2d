import { Quad, Writer } from "n3";
import { turtlePrefixes } from "./namespaces";

export type TripleFormat = "turtle" | "ntriples";

/**
 * Serialises quads to Turtle or N-Triples a piece at a time: one n3 Writer for the whole output
 * (prefixes written once, subjects abbreviated across calls), whose text is taken out after each
 * batch so that the caller decides when to write it (backpressure) and nothing accumulates.
 */
export class TripleSerializer {
  private chunks: string[] = [];
  private readonly writer: Writer;

  constructor(baseUrl: string, format: TripleFormat) {
    const output = {
      write: (chunk: string, _encoding?: string, done?: () => void) => {
        this.chunks.push(chunk);
        done?.();
      },
      end: (done?: () => void) => done?.(),
    };
    this.writer = new Writer(output, {
      format: format === "turtle" ? "Turtle" : "N-Triples",
      prefixes: format === "turtle" ? turtlePrefixes(baseUrl) : undefined,
    });
  }

  add(quads: readonly Quad[]): void {
    for (const q of quads) this.writer.addQuad(q);
  }

  /** The text written since the last call. */
  take(): string {
    const text = this.chunks.join("");
    this.chunks = [];
    return text;
  }

  /** Closes the last statement; returns the remaining text. */
  end(): string {
    this.writer.end();
    return this.take();
  }
}

/** A whole Turtle or N-Triples document of `quads`. */
export function serializeTriples(baseUrl: string, format: TripleFormat, quads: readonly Quad[]): string {
  const s = new TripleSerializer(baseUrl, format);
  s.add(quads);
  return s.end();
}
