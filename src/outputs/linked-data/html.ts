import type { Quad, Term } from "n3";
import { escapeHtml } from "../../platform/text/html";
import { compact, NS } from "./namespaces";

/**
 * The HTML view of an IRI: a plain, server-rendered page generated from the same quads as the
 * RDF formats (so it shows exactly what the data says), with bilingual labels, links to every
 * neighbour's IRI and, for items, the source sentence with the item's characters marked.
 * Everything interpolated is escaped. Inside the explorer's shell it is the content a browser shows
 * before the explorer's script takes over, and all that clients without JavaScript see.
 */

/** What the page shows beyond the quads. */
export interface HtmlPage {
  baseUrl: string;
  /** The IRI the page is about (its description's main subject). */
  iri: string;
  quads: readonly Quad[];
  /** For items: the sentence of the readout and where the item's characters are in it. */
  evidence?: { sentence: string; start: number; end: number; documentIri: string; offset: number };
  /** Link kinds that other entities state more often than the page lists. */
  truncated?: { predicate: string; shown: number; total: number }[];
  /** Other representations of the same resource. */
  alternates: { label: string; href: string; type: string }[];
}

const escape = escapeHtml;

// Most specific first: a meeting's rdfs:label carries its date, its schema:name only the title.
const LABEL_PREDICATES = [
  `${NS.skos}prefLabel`,
  `${NS.rdfs}label`,
  `${NS.schema}name`,
  `${NS.dcterms}title`,
  `${NS.foaf}name`,
];
const RDF_TYPE = `${NS.rdf}type`;

type Labels = Map<string, { zh?: string; en?: string }>;

function labelsOf(quads: readonly Quad[]): Labels {
  const labels: Labels = new Map();
  for (const predicate of LABEL_PREDICATES) {
    for (const q of quads) {
      if (q.predicate.value !== predicate || q.object.termType !== "Literal") continue;
      const entry = labels.get(q.subject.value) ?? {};
      const lang = q.object.language.startsWith("en") ? "en" : "zh";
      entry[lang] ??= q.object.value;
      labels.set(q.subject.value, entry);
    }
  }
  return labels;
}

function bilingual(label: { zh?: string; en?: string } | undefined): string {
  if (!label) return "";
  const parts = [];
  if (label.zh) parts.push(`<span lang="zh">${escape(label.zh)}</span>`);
  if (label.en) parts.push(`<span lang="en" class="en">${escape(label.en)}</span>`);
  return parts.join(" ");
}

function termHtml(o: Term, page: HtmlPage, labels: Labels): string {
  if (o.termType === "NamedNode") {
    const local = o.value.startsWith(`${page.iri}#`);
    const href = local ? o.value.slice(page.iri.length) : o.value;
    const shown = bilingual(labels.get(o.value)) || escape(local ? href : compact(page.baseUrl, o.value));
    return `<a href="${escape(href)}">${shown}</a>`;
  }
  if (o.termType !== "Literal") return escape(o.value);
  const tag = o.language
    ? ` <small>@${escape(o.language)}</small>`
    : o.datatype.value === `${NS.xsd}string`
      ? ""
      : ` <small>${escape(compact(page.baseUrl, o.datatype.value))}</small>`;
  const text = o.value.length > 300 ? `<div class="long">${escape(o.value)}</div>` : escape(o.value);
  return `${text}${tag}`;
}

function table(quads: readonly Quad[], page: HtmlPage, labels: Labels, inverse = false): string {
  const rows = new Map<string, string[]>();
  for (const q of quads) {
    const key = q.predicate.value;
    rows.set(key, [...(rows.get(key) ?? []), termHtml(inverse ? q.subject : q.object, page, labels)]);
  }
  const body = [...rows]
    .map(
      ([p, values]) =>
        `<tr><th><a href="${escape(p)}">${escape(compact(page.baseUrl, p))}</a>${inverse ? " ⟵" : ""}</th><td>${values
          .map((v) => `<div>${v}</div>`)
          .join("")}</td></tr>`,
    )
    .join("\n");
  return `<table>${body}</table>`;
}

function evidenceHtml(page: HtmlPage, labels: Labels): string {
  const e = page.evidence;
  if (!e) return "";
  const { sentence, start, end } = e;
  return `<section><h2>Source sentence · 原文</h2>
<blockquote lang="zh">${escape(sentence.slice(0, start))}<mark>${escape(sentence.slice(start, end))}</mark>${escape(sentence.slice(end))}</blockquote>
<p>From <a href="${escape(e.documentIri)}">${bilingual(labels.get(e.documentIri)) || escape(e.documentIri)}</a>,
characters ${e.offset + start}–${e.offset + end} (UTF-16 code units).</p></section>`;
}

/** The description of one IRI as an HTML article, with its title. */
export function renderArticle(page: HtmlPage): { title: string; html: string } {
  const labels = labelsOf(page.quads);
  const own = page.quads.filter((q) => q.subject.value === page.iri);
  const types = own.filter((q) => q.predicate.value === RDF_TYPE);
  const properties = own.filter((q) => q.predicate.value !== RDF_TYPE);
  const parts = new Map<string, Quad[]>();
  for (const q of page.quads) {
    if (q.subject.value.startsWith(`${page.iri}#`)) {
      parts.set(q.subject.value, [...(parts.get(q.subject.value) ?? []), q]);
    }
  }
  const inbound = page.quads.filter(
    (q) => q.object.value === page.iri && q.subject.value !== page.iri && !q.subject.value.startsWith(`${page.iri}#`),
  );
  const label = labels.get(page.iri);
  const title = label?.zh ?? label?.en ?? page.iri;
  const partSections = [...parts]
    .map(([iri, quads]) => {
      const id = iri.slice(page.iri.length + 1);
      return `<section id="${escape(id)}"><h3>#${escape(id)}</h3>${table(quads, page, labels)}</section>`;
    })
    .join("\n");
  const truncated = (page.truncated ?? [])
    .map(
      (t) =>
        `<p>${escape(compact(page.baseUrl, t.predicate))}: ${t.shown} of ${t.total} shown (the dumps hold all).</p>`,
    )
    .join("");
  const html = `<article class="described">
<header>
<h1>${bilingual(label) || escape(page.iri)}</h1>
<p><code>${escape(page.iri)}</code></p>
<p>${types.map((q) => termHtml(q.object, page, labels)).join(" · ")}</p>
</header>
${evidenceHtml(page, labels)}
<section><h2>Properties · 属性</h2>${table(properties, page, labels)}</section>
${partSections}
${inbound.length ? `<section><h2>Linked from · 被引用</h2>${table(inbound, page, labels, true)}${truncated}</section>` : ""}
<footer><p>Also as ${page.alternates.map((a) => `<a href="${escape(a.href)}">${escape(a.label)}</a>`).join(" · ")}</p></footer>
</article>`;
  return { title, html };
}

/** The alternate-format links of a page's head. */
export const alternateLinks = (page: Pick<HtmlPage, "alternates">): string =>
  page.alternates.map((a) => `<link rel="alternate" type="${escape(a.type)}" href="${escape(a.href)}">`).join("\n");

/** A standalone page for one IRI, for when the explorer is not built (and for the vocabulary). */
export function renderHtml(page: HtmlPage): string {
  const { title, html } = renderArticle(page);
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · policygraph</title>
${alternateLinks(page)}
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-top:1px solid #ddd}
th{width:14rem;font-weight:normal;color:#555}.en{color:#555}.long{white-space:pre-wrap;max-height:20rem;overflow:auto}
blockquote{border-left:4px solid #c33;margin:0;padding:.5rem 1rem;background:#fafafa}mark{background:#fd6}
code{word-break:break-all}
</style>
</head>
<body>
${html}
</body>
</html>
`;
}
