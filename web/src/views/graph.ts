import type { Core, ElementDefinition } from "cytoscape";
import { gql } from "../api";
import { h, replace } from "../dom";
import { t } from "../i18n";
import { entityPath } from "../routes";
import { heading, LABEL, LabelledNode, nodeLabel } from "../ui";

interface Neighborhood {
  truncated: boolean;
  center: LabelledNode;
  nodes: LabelledNode[];
  edges: { source: string; target: string; type: string }[];
}

const QUERY = `query Neighborhood($id: ID!, $depth: Int!) {
  neighborhood(id: $id, depth: $depth, first: 40) {
    truncated center { ${LABEL} } nodes { ${LABEL} } edges { source target type }
  }
}`;

const COLORS: Record<string, string> = {
  Department: "#1f6feb",
  Meeting: "#6e40c9",
  Report: "#8b949e",
  Achievement: "#2da44e",
  Shortcoming: "#cf222e",
  Directive: "#bf8700",
  PolicyTheme: "#0a7ea4",
  Document: "#57606a",
  Person: "#a0522d",
};

/**
 * An entity's neighbourhood as a graph that grows on click. The same nodes are listed beside it
 * with Expand buttons, so keyboard and screen-reader users can do everything the canvas does.
 */
export async function graphView(id: string): Promise<HTMLElement | null> {
  const first = await load(id, 2);
  if (!first) return null;
  const { default: cytoscape } = await import("cytoscape");
  const canvas = h("div", { class: "graph-canvas", "aria-hidden": "true" });
  const list = h("ul", { class: "graph-nodes" });
  const note = h("p", { class: "note" });
  const known = new Map<string, LabelledNode>();
  const expanded = new Set<string>();
  let cy: Core | undefined;

  const add = (n: Neighborhood) => {
    const elements: ElementDefinition[] = [];
    for (const node of [n.center, ...n.nodes]) {
      if (known.has(node.id)) continue;
      known.set(node.id, node);
      elements.push({ data: { id: node.id, label: nodeLabel(node, 18), type: node.__typename } });
    }
    for (const e of n.edges) {
      const edgeId = `${e.source}|${e.type}|${e.target}`;
      if (cy?.getElementById(edgeId).nonempty()) continue;
      if (elements.some((el) => el.data.id === edgeId)) continue;
      elements.push({ data: { id: edgeId, source: e.source, target: e.target, label: e.type } });
    }
    expanded.add(n.center.id);
    if (n.truncated) note.textContent = t("truncated");
    return elements;
  };

  const renderList = () =>
    replace(
      list,
      [...known.values()].map((node) =>
        h(
          "li",
          { "data-id": node.id, "data-type": node.__typename },
          h("span", { class: "dot", style: `background:${COLORS[node.__typename] ?? "#999"}` }),
          h("a", { href: entityPath(node.__typename, node.id) }, nodeLabel(node, 50)),
          " ",
          !expanded.has(node.id) &&
            h("button", { type: "button", class: "small", onclick: () => void expand(node.id) }, t("expand")),
        ),
      ),
    );

  const expand = async (nodeId: string) => {
    if (expanded.has(nodeId) || !cy) return;
    const n = await load(nodeId);
    if (!n) return;
    const elements = add(n);
    cy.add(elements);
    cy.layout({ name: "cose", animate: false, fit: true, padding: 20 }).run();
    renderList();
    canvas.dataset.nodes = String(cy.nodes().length);
  };

  const page = h(
    "article",
    { class: "graph-page" },
    heading(nodeLabel(first.center, 60), "graph"),
    h("p", {}, t("graphIntro")),
    note,
    h("div", { class: "graph" }, canvas, h("nav", { "aria-label": t("nodes") }, h("h2", {}, t("nodes")), list)),
  );
  const elements = add(first);
  renderList();
  // Cytoscape measures its container, so it starts once the page is in the document.
  setTimeout(() => {
    cy = cytoscape({
      container: canvas,
      elements,
      // A small neighbourhood would otherwise be fitted at a huge zoom.
      maxZoom: 1.6,
      minZoom: 0.2,
      layout: { name: "cose", animate: false, padding: 20 },
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "font-size": 10,
            "background-color": (el) => COLORS[el.data("type") as string] ?? "#999",
            "text-wrap": "ellipsis",
            "text-max-width": "120px",
          },
        },
        {
          selector: `node[id = "${first.center.id.replace(/"/g, '\\"')}"]`,
          style: { "border-width": 3, "border-color": "#000" },
        },
        {
          selector: "edge",
          style: {
            width: 1,
            "curve-style": "bezier",
            "target-arrow-shape": "triangle",
            label: "data(label)",
            "font-size": 7,
            color: "#666",
          },
        },
      ],
    });
    cy.on("tap", "node", (event) => void expand(event.target.id() as string));
    // The instance, for scripts and end-to-end tests that need node positions on the canvas.
    (canvas as HTMLElement & { cy?: Core }).cy = cy;
    canvas.dataset.nodes = String(cy.nodes().length);
  }, 0);
  return page;
}

// The first view reaches two steps (a department's reports and their meetings and findings);
// each expansion adds one.
async function load(id: string, depth = 1): Promise<Neighborhood | null> {
  const { neighborhood } = await gql<{ neighborhood: Neighborhood | null }>(QUERY, { id, depth });
  return neighborhood;
}
