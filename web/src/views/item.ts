import { gql } from "../api";
import {
  CATALOG,
  CatalogTheme,
  CORRECTION,
  CorrectionRow,
  correctionList,
  isCurator,
  rejectForm,
  retagForm,
} from "./correct";
import { h } from "../dom";
import { Key, named, t } from "../i18n";
import {
  DEPARTMENT,
  DepartmentRef,
  departmentLink,
  entityLink,
  heading,
  MEETING,
  MeetingRef,
  meetingLink,
  section,
  THEME,
  ThemeRef,
} from "../ui";

interface Evidence {
  start: number;
  end: number;
  quote: string;
  sentence: { start: number; end: number; text: string };
  document: { id: string; title: string; url: string; published: string; text: string };
}
interface ItemPage {
  __typename: "Achievement" | "Shortcoming" | "Directive";
  id: string;
  text: string;
  rejected: boolean;
  themeTags: { rank: number; reason: string; source: "EXTRACTOR" | "CURATOR"; theme: ThemeRef }[];
  corrections: CorrectionRow[];
  meeting: MeetingRef;
  evidence: Evidence;
  department?: DepartmentRef;
  report?: { id: string; order: number };
  addressees?: DepartmentRef[];
  addressedBy?: { rules: string[]; reasons: string[]; directive: { id: string; text: string; meeting: MeetingRef } }[];
  addresses?: {
    rules: string[];
    reasons: string[];
    shortcoming: { id: string; text: string; department: DepartmentRef; meeting: MeetingRef };
  }[];
}

const COMMON = `id text rejected themeTags { rank reason source theme { ${THEME} } } meeting { ${MEETING} }
  corrections { ${CORRECTION} }
  evidence { start end quote sentence { start end text } document { id title url published text } }`;
const QUERY = `query Item($id: ID!) {
  node(id: $id) {
    __typename
    ... on Achievement { ${COMMON} department { ${DEPARTMENT} } report { id order } }
    ... on Shortcoming {
      ${COMMON} department { ${DEPARTMENT} } report { id order }
      addressedBy { rules reasons directive { id text meeting { ${MEETING} } } }
    }
    ... on Directive {
      ${COMMON} addressees { ${DEPARTMENT} }
      addresses { rules reasons shortcoming { id text department { ${DEPARTMENT} } meeting { ${MEETING} } } }
    }
  }
  ${CATALOG}
}`;

/** The readout with the item's sentence highlighted and its own characters marked inside it. */
export function readout(e: Evidence): HTMLElement {
  const text = e.document.text;
  const { start: s0, end: s1 } = e.sentence;
  return h(
    "div",
    { class: "readout", lang: "zh", tabindex: "0", "aria-label": t("readout") },
    text.slice(0, s0),
    h(
      "mark",
      { class: "sentence", id: "source-sentence" },
      text.slice(s0, e.start),
      h("mark", { class: "quote" }, text.slice(e.start, e.end)),
      text.slice(e.end, s1),
    ),
    text.slice(s1),
  );
}

/** An achievement, shortcoming or directive: its themes (and why), its links, and its source. */
export async function itemView(expected: string, id: string): Promise<HTMLElement | null> {
  const { node, themes: catalog } = await gql<{ node: ItemPage | null; themes: CatalogTheme[] }>(QUERY, { id });
  if (!node || node.__typename !== expected) return null;
  const kind = node.__typename.toLowerCase() as Key;
  const e = node.evidence;
  const page = h(
    "article",
    { class: node.rejected ? "item-page rejected" : "item-page", "data-rejected": node.rejected ? "true" : null },
    heading(h("span", { lang: "zh" }, node.text), kind),
    node.rejected && h("p", { class: "rejected-note", role: "note" }, t("rejectedNote")),
    h(
      "dl",
      { class: "facts" },
      node.department && [h("dt", {}, t("department")), h("dd", {}, departmentLink(node.department))],
      h("dt", {}, t("meeting")),
      h("dd", {}, meetingLink(node.meeting)),
      node.report && [
        h("dt", {}, t("report")),
        h("dd", {}, entityLink("Report", node.report.id, `${t("order")}${node.report.order}`)),
      ],
      node.addressees &&
        node.addressees.length > 0 && [
          h("dt", {}, t("addressees")),
          h(
            "dd",
            {},
            node.addressees.map((d) => [departmentLink(d), " "]),
          ),
        ],
    ),
    node.themeTags.length > 0 &&
      section(
        t("themes"),
        h(
          "table",
          { class: "tags" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, t("theme")),
              h("th", { scope: "col" }, t("themeReason")),
              h("th", { scope: "col" }, t("tagSource")),
            ),
          ),
          h(
            "tbody",
            {},
            node.themeTags.map((tag) =>
              h(
                "tr",
                { "data-source": tag.source, class: tag.source === "CURATOR" ? "curator" : null },
                h("td", {}, entityLink("PolicyTheme", tag.theme.id, named(tag.theme))),
                h("td", {}, tag.reason),
                h("td", {}, t(tag.source)),
              ),
            ),
          ),
        ),
      ),
    isCurator() &&
      h(
        "div",
        { class: "curator-actions" },
        retagForm(
          node.id,
          catalog,
          node.themeTags.map((tag) => tag.theme.id),
        ),
        !node.rejected && h("details", { class: "reject" }, h("summary", {}, t("reject")), rejectForm(node.id)),
      ),
    correctionList(node.corrections, catalog),
    node.addressedBy &&
      node.addressedBy.length > 0 &&
      section(
        t("addressedBy"),
        h("p", { class: "note" }, t("inferredNote")),
        h(
          "ul",
          { class: "links" },
          node.addressedBy.map((l) =>
            h(
              "li",
              {},
              entityLink("Directive", l.directive.id, l.directive.text),
              h("p", { class: "meta" }, meetingLink(l.directive.meeting), " · ", l.reasons.join("; ")),
            ),
          ),
        ),
      ),
    node.addresses &&
      node.addresses.length > 0 &&
      section(
        t("addresses"),
        h("p", { class: "note" }, t("inferredNote")),
        h(
          "ul",
          { class: "links" },
          node.addresses.map((l) =>
            h(
              "li",
              {},
              entityLink("Shortcoming", l.shortcoming.id, l.shortcoming.text),
              h(
                "p",
                { class: "meta" },
                departmentLink(l.shortcoming.department),
                " · ",
                l.shortcoming.meeting.date,
                " · ",
                l.reasons.join("; "),
              ),
            ),
          ),
        ),
      ),
    section(
      t("source"),
      h(
        "p",
        { class: "meta" },
        entityLink("Document", e.document.id, e.document.title),
        ` · ${e.document.published} · ${t("characters")} ${e.start}–${e.end} · `,
        h("a", { href: e.document.url, rel: "noopener" }, e.document.url),
      ),
      readout(e),
    ),
  );
  return page;
}
