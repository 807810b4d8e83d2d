import { DataFactory, Quad, Quad_Object, Quad_Predicate, Quad_Subject, Term, Writer } from "n3";
import { safeIri } from "../../model/iri";
import { turtlePrefixes } from "./namespaces";

const { namedNode, literal, quad } = DataFactory;

// n3's Writer escapes literals but writes an IRI's characters as they are (and prefix IRIs
// verbatim), so an IRI holding `>` or a space would end its `<…>` early and let the rest read as
// statements. Every IRI therefore passes through safeIri here, the one door to Turtle / N-Triples.
function safeTerm<T extends Term>(term: T): T {
  if (term.termType === "NamedNode") {
    const iri = safeIri(term.value);
    return (iri === term.value ? term : namedNode(iri)) as unknown as T;
  }
  if (term.termType === "Literal" && !term.language) {
    const datatype = safeTerm(term.datatype);
    return (datatype === term.datatype ? term : literal(term.value, datatype)) as unknown as T;
  }
  return term;
}

function safeQuad(q: Quad): Quad {
  const [s, p, o] = [safeTerm(q.subject), safeTerm(q.predicate), safeTerm(q.object)];
  return s === q.subject && p === q.predicate && o === q.object
    ? q
    : quad(s as Quad_Subject, p as Quad_Predicate, o as Quad_Object, q.graph);
}

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
      prefixes:
        format === "turtle"
          ? Object.fromEntries(Object.entries(turtlePrefixes(baseUrl)).map(([p, iri]) => [p, safeIri(iri)]))
          : undefined,
    });
  }

  add(quads: readonly Quad[]): void {
    for (const q of quads) this.writer.addQuad(safeQuad(q));
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
