import { gql } from "../api";
import { h } from "../dom";
import { t } from "../i18n";
import { replace } from "../dom";
import { entityPath } from "../routes";
import { heading, MEETING, MeetingRef, meetingLink, section } from "../ui";
import { CATALOG, CatalogTheme, correctionForm, isCurator, refresh, themePicker } from "./correct";

interface DocumentPage {
  __typename: string;
  id: string;
  title: string;
  url: string;
  published: string;
  text: string;
  extractionWarnings: string[] | null;
  meetings: (MeetingRef & { reports: { id: string; order: number; subject: string }[] })[];
}

/** A readout as published, with the meetings it records; a curator adds missed items by selecting their text. */
export async function documentView(id: string): Promise<HTMLElement | null> {
  const curator = isCurator();
  const answer = await gql<{ node: DocumentPage | null; themes?: CatalogTheme[] }>(
    `query Document($id: ID!) { node(id: $id) { __typename ... on Document { id title url published text
       extractionWarnings meetings { ${MEETING} reports { id order subject } } } } ${curator ? CATALOG : ""} }`,
    { id },
  );
  const d = answer.node;
  if (!d || d.__typename !== "Document") return null;
  const text = readoutText(d.text);
  return h(
    "article",
    {},
    heading(d.title, "document"),
    h(
      "p",
      { class: "meta" },
      d.published,
      " · ",
      h("a", { href: d.url, rel: "noopener" }, d.url),
      " · ",
      d.meetings.map((m) => meetingLink(m)),
    ),
    d.extractionWarnings &&
      d.extractionWarnings.length > 0 &&
      section(
        t("warnings"),
        h(
          "ul",
          { class: "plain warnings" },
          d.extractionWarnings.map((w) => h("li", {}, w)),
        ),
      ),
    curator && addForm(d, text, answer.themes ?? []),
    text,
  );
}

/**
 * The readout's text in spans that know where they start (`data-offset`, UTF-16 offsets into
 * Document.text), one per sentence, so that a selection maps back to offsets into the stored text.
 */
function readoutText(text: string): HTMLElement {
  const spans: HTMLElement[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "。" && text[i] !== "\n" && i !== text.length - 1) continue;
    spans.push(h("span", { "data-offset": from }, text.slice(from, i + 1)));
    from = i + 1;
  }
  return h("div", { class: "readout", lang: "zh", tabindex: "0", "aria-label": t("readout") }, spans);
}

/** The offset into the readout's text of a DOM point inside it, or null when it lies outside. */
function offsetOf(readout: HTMLElement, node: Node, offset: number): number | null {
  if (!readout.contains(node)) return null;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const span = element?.closest<HTMLElement>("[data-offset]");
  // From the start of the span the point is in (or of the readout, for a point between spans).
  const anchor = span && readout.contains(span) ? span : readout;
  const range = document.createRange();
  range.setStart(anchor, 0);
  range.setEnd(node, offset);
  return (anchor === readout ? 0 : Number(anchor.dataset.offset)) + range.toString().length;
}

/** The selection inside the readout as offsets [start, end), blanks at its ends left out; null if none. */
function selectedSpan(readout: HTMLElement, text: string): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  let start = offsetOf(readout, range.startContainer, range.startOffset);
  let end = offsetOf(readout, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

/** A curator's form for an item the extractor missed: its text is what is selected in the readout. */
function addForm(d: DocumentPage, readout: HTMLElement, catalog: CatalogTheme[]): HTMLElement {
  let span: { start: number; end: number } | null = null;
  const preview = h("blockquote", { class: "selection", lang: "zh" }, t("noSelection"));
  const offsets = h("span", { class: "offsets meta" });
  const onSelection = () => {
    if (!readout.isConnected) return document.removeEventListener("selectionchange", onSelection);
    const next = selectedSpan(readout, d.text);
    if (!next) return;
    span = next;
    preview.textContent = d.text.slice(next.start, next.end);
    offsets.textContent = `${t("characters")} ${next.start}–${next.end}`;
    preview.dataset.start = String(next.start);
    preview.dataset.end = String(next.end);
  };
  document.addEventListener("selectionchange", onSelection);
  const reports = d.meetings.flatMap((m) => m.reports).sort((a, b) => a.order - b.order);
  const report = h(
    "select",
    { name: "reportId" },
    reports.map((r) => h("option", { value: r.id }, `${t("order")}${r.order} ${r.subject}`)),
  );
  const kind = h(
    "select",
    {
      name: "kind",
      onchange: () => {
        report.disabled = kind.value === "DIRECTIVE";
      },
    },
    (["SHORTCOMING", "ACHIEVEMENT", "DIRECTIVE"] as const).map((k) =>
      h("option", { value: k }, t(k.toLowerCase() as "shortcoming" | "achievement" | "directive")),
    ),
  );
  const picker = themePicker(catalog, []);
  const status = h("div");
  return section(
    t("addItem"),
    h("p", { class: "note" }, t("addHelp")),
    h("p", {}, t("selection"), " ", offsets),
    preview,
    status,
    correctionForm(
      "add",
      "add",
      [h("label", {}, t("itemKind"), " ", kind), " ", h("label", {}, t("report"), " ", report), picker.el],
      async (reason) => {
        if (!span) throw new Error(t("noSelection"));
        const input = {
          documentId: d.id,
          kind: kind.value,
          start: span.start,
          end: span.end,
          reportId: kind.value === "DIRECTIVE" ? null : report.value,
          themeIds: picker.chosen(),
          reason,
        };
        const { addItem } = await gql<{ addItem: { target: { __typename: string; id: string } | null } }>(
          `mutation Add($input: AddItemInput!) { addItem(input: $input) { id target { __typename id } } }`,
          { input },
        );
        if (addItem.target) history.pushState(null, "", entityPath(addItem.target.__typename, addItem.target.id));
      },
      () => {
        replace(status);
        refresh();
      },
    ),
  );
}
