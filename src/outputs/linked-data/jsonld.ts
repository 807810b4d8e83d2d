import type { Quad, Term } from "n3";
import { compact, expand, NS } from "./namespaces";
import { TERMS, TermDef, ValueKind } from "./vocabulary";

/**
 * Quads → JSON-LD node objects in the shape of the self-hosted context (vocabulary.ts): each
 * predicate under its term when the value has the term's kind, under its full IRI otherwise (so
 * nothing is lost), and the fragment nodes of an entity (`…#evidence`, `…#quote`) embedded where
 * it refers to them.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type NodeObject = { [key: string]: JsonValue };

const RDF_TYPE = `${NS.rdf}type`;
const XSD_STRING = `${NS.xsd}string`;

function matches(kind: ValueKind, o: Term): boolean {
  if (kind === "id") return o.termType === "NamedNode";
  if (o.termType !== "Literal") return false;
  const datatype = o.datatype.value;
  switch (kind) {
    case "lang":
      return o.language !== "";
    case "string":
      return o.language === "" && datatype === XSD_STRING;
    case "integer":
      return datatype === `${NS.xsd}integer` && /^-?\d{1,15}$/.test(o.value);
    case "boolean":
      return datatype === `${NS.xsd}boolean` && (o.value === "true" || o.value === "false");
    case "date":
      return datatype === `${NS.xsd}date`;
    case "dateTime":
      return datatype === `${NS.xsd}dateTime`;
    default:
      return true;
  }
}

/** Turns quads into node objects for one base URL (create one per request, or one per dump). */
export class JsonLdFramer {
  private readonly terms: Map<string, TermDef>;

  constructor(private readonly baseUrl: string) {
    this.terms = new Map(TERMS.map((t) => [expand(baseUrl, t.curie), t]));
  }

  /** Node objects of `quads`: one per subject, fragment subjects embedded in the node that names them. */
  nodes(quads: readonly Quad[]): NodeObject[] {
    const groups = new Map<string, Quad[]>();
    for (const q of quads) {
      const list = groups.get(q.subject.value);
      if (list) list.push(q);
      else groups.set(q.subject.value, [q]);
    }
    const isFragment = (iri: string) => {
      const hash = iri.indexOf("#");
      return hash > 0 && groups.has(iri.slice(0, hash));
    };
    const embedded = new Set<string>();
    const build = (iri: string): NodeObject => {
      const node: NodeObject = { id: iri };
      const values = new Map<string, JsonValue[]>();
      const languages = new Map<string, Map<string, string[]>>();
      const push = (key: string, value: JsonValue) => {
        const list = values.get(key);
        if (list) list.push(value);
        else values.set(key, [value]);
      };
      for (const { predicate, object: o } of groups.get(iri) ?? []) {
        if (predicate.value === RDF_TYPE && o.termType === "NamedNode") {
          push("type", compact(this.baseUrl, o.value));
          continue;
        }
        const term = this.terms.get(predicate.value);
        if (term && matches(term.kind, o)) {
          if (term.kind === "lang" && o.termType === "Literal") {
            let map = languages.get(term.term);
            if (!map) languages.set(term.term, (map = new Map()));
            map.set(o.language, [...(map.get(o.language) ?? []), o.value]);
            if (!values.has(term.term)) values.set(term.term, []);
          } else push(term.term, this.value(term.kind, o, embed));
        } else push(predicate.value, this.expanded(o, embed));
      }
      for (const [key, list] of values) {
        const map = languages.get(key);
        node[key] = map
          ? Object.fromEntries([...map].map(([lang, v]) => [lang, v.length === 1 ? v[0] : v]))
          : list.length === 1
            ? list[0]
            : list;
      }
      return node;
    };
    const embed = (o: Term): NodeObject | undefined => {
      if (o.termType !== "NamedNode" || embedded.has(o.value) || !isFragment(o.value)) return undefined;
      embedded.add(o.value);
      return build(o.value);
    };
    const out = [...groups.keys()].filter((iri) => !isFragment(iri)).map(build);
    for (const iri of groups.keys()) if (isFragment(iri) && !embedded.has(iri)) out.push(build(iri));
    return out;
  }

  private value(kind: ValueKind, o: Term, embed: (o: Term) => NodeObject | undefined): JsonValue {
    switch (kind) {
      case "id":
        return embed(o) ?? compact(this.baseUrl, o.value);
      case "integer":
        return Number(o.value);
      case "boolean":
        return o.value === "true";
      case "literal":
        return this.expanded(o, embed);
      default:
        return o.value;
    }
  }

  private expanded(o: Term, embed: (o: Term) => NodeObject | undefined): JsonValue {
    if (o.termType === "NamedNode") return embed(o) ?? { "@id": o.value };
    if (o.termType !== "Literal") throw new Error(`no JSON-LD form for a ${o.termType}`);
    if (o.language) return { "@value": o.value, "@language": o.language };
    if (o.datatype.value === XSD_STRING) return o.value;
    return { "@value": o.value, "@type": o.datatype.value };
  }
}

/** A JSON-LD document: the context (by IRI, or inline) and the nodes as its `@graph`. */
export function jsonLdDocument(context: string | object, nodes: NodeObject[]): Record<string, unknown> {
  return { "@context": context, "@graph": nodes };
}
