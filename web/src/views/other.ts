import { gql } from "../api";
import { h } from "../dom";
import { t } from "../i18n";
import { DEPARTMENT, DepartmentRef, departmentLink, heading, MEETING, MeetingRef, meetingLink, section } from "../ui";
import { ITEM, ItemRow, itemList } from "./items";

interface ReportPage {
  __typename: string;
  id: string;
  order: number;
  subject: string;
  departments: DepartmentRef[];
  meeting: MeetingRef;
  achievements: ItemRow[];
  shortcomings: ItemRow[];
}

/** A report: one speaker's turn at a meeting, with what it was praised and faulted for. */
export async function reportView(id: string): Promise<HTMLElement | null> {
  const { node: r } = await gql<{ node: ReportPage | null }>(
    `query Report($id: ID!) { node(id: $id) { __typename ... on Report {
      id order subject departments { ${DEPARTMENT} } meeting { ${MEETING} }
      achievements { ${ITEM} } shortcomings { ${ITEM} } } } }`,
    { id },
  );
  if (!r || r.__typename !== "Report") return null;
  return h(
    "article",
    {},
    heading(`${r.subject} · ${t("order")}${r.order}`, "report"),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, t("department")),
      h(
        "dd",
        {},
        r.departments.map((d) => [departmentLink(d), " "]),
      ),
      h("dt", {}, t("meeting")),
      h("dd", {}, meetingLink(r.meeting)),
    ),
    r.achievements.length > 0 && section(t("Achievement"), itemList("Achievement", r.achievements)),
    r.shortcomings.length > 0 && section(t("Shortcoming"), itemList("Shortcoming", r.shortcomings)),
  );
}

/** A person: the meetings they chaired or attended. */
export async function personView(id: string): Promise<HTMLElement | null> {
  const { node: p } = await gql<{
    node: { __typename: string; name: string; nameEn: string | null; meetings: MeetingRef[] } | null;
  }>(`query Person($id: ID!) { node(id: $id) { __typename ... on Person { name nameEn meetings { ${MEETING} } } } }`, {
    id,
  });
  if (!p || p.__typename !== "Person") return null;
  return h(
    "article",
    {},
    heading(p.nameEn ? `${p.name} (${p.nameEn})` : p.name, "person"),
    section(
      t("Meeting"),
      h(
        "ul",
        { class: "plain" },
        p.meetings.map((m) => h("li", {}, meetingLink(m))),
      ),
    ),
  );
}

/** A readout as published, with the meetings it records. */
export async function documentView(id: string): Promise<HTMLElement | null> {
  const { node: d } = await gql<{
    node: {
      __typename: string;
      title: string;
      url: string;
      published: string;
      text: string;
      meetings: MeetingRef[];
    } | null;
  }>(
    `query Document($id: ID!) { node(id: $id) { __typename ... on Document { title url published text meetings { ${MEETING} } } } }`,
    { id },
  );
  if (!d || d.__typename !== "Document") return null;
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
    h("div", { class: "readout", lang: "zh", tabindex: "0" }, d.text),
  );
}
