import { gql } from "../api";
import { h } from "../dom";
import { Key, t } from "../i18n";
import { entityLink, heading, LABEL, LabelledNode, marked, nodeLabel, section } from "../ui";

interface Hit {
  score: number;
  snippet: string;
  highlights: { start: number; end: number }[];
  node: LabelledNode;
}

const QUERY = `query Search($q: String!) {
  search(query: $q, first: 50) { score snippet highlights { start end } node { ${LABEL} } }
}`;

const ORDER = ["Department", "Shortcoming", "Achievement", "Directive"];

/** Search results, grouped by type (departments first). */
export async function searchView(q: string): Promise<HTMLElement> {
  const page = h("div", { class: "search-page" }, heading(`${t("results")}: ${q}`));
  if (!q.trim()) return page;
  const { search } = await gql<{ search: Hit[] }>(QUERY, { q });
  if (search.length === 0) page.append(h("p", { class: "empty" }, t("noResults")));
  const groups = new Map<string, Hit[]>();
  for (const hit of search) groups.set(hit.node.__typename, [...(groups.get(hit.node.__typename) ?? []), hit]);
  const types = [...groups.keys()].sort((a, b) => rank(a) - rank(b));
  for (const type of types) {
    const hits = groups.get(type)!;
    page.append(
      section(
        `${t(type as Key)} (${hits.length})`,
        h(
          "ol",
          { class: "hits", "data-type": type },
          hits.map((hit) =>
            h(
              "li",
              {},
              entityLink(type, hit.node.id, nodeLabel(hit.node, 60)),
              hit.snippet && h("p", { class: "snippet", lang: "zh" }, marked(hit.snippet, hit.highlights)),
            ),
          ),
        ),
      ),
    );
  }
  return page;
}

const rank = (type: string) => (ORDER.includes(type) ? ORDER.indexOf(type) : ORDER.length);
