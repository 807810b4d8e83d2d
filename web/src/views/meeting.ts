import { gql } from "../api";
import { h } from "../dom";
import { t } from "../i18n";
import { count, DEPARTMENT, DepartmentRef, departmentLink, entityLink, heading, section } from "../ui";
import { ITEM, ItemRow, itemList } from "./items";

interface MeetingPage {
  __typename: string;
  id: string;
  date: string;
  title: string;
  kind: string;
  chair: { id: string; name: string } | null;
  host: { id: string; name: string } | null;
  attendees: { id: string; name: string }[];
  document: { id: string; title: string; url: string };
  reports: {
    id: string;
    order: number;
    subject: string;
    departments: DepartmentRef[];
    achievements: { id: string }[];
    shortcomings: { id: string }[];
  }[];
  directives: (ItemRow & { addressees: DepartmentRef[] })[];
}

const QUERY = `query Meeting($id: ID!) {
  node(id: $id) {
    __typename
    ... on Meeting {
      id date title kind host { id name } chair { id name } attendees { id name } document { id title url }
      reports { id order subject departments { ${DEPARTMENT} } achievements { id } shortcomings { id } }
      directives { ${ITEM} addressees { ${DEPARTMENT} } }
    }
  }
}`;

/** A meeting: who spoke in which order, and what it directed. */
export async function meetingView(id: string): Promise<HTMLElement | null> {
  const { node: m } = await gql<{ node: MeetingPage | null }>(QUERY, { id });
  if (!m || m.__typename !== "Meeting") return null;
  const reports = [...m.reports].sort((a, b) => a.order - b.order);
  return h(
    "article",
    { class: "meeting-page" },
    heading(`${m.date} · ${m.title}`, "meeting"),
    h(
      "dl",
      { class: "facts" },
      m.host && [h("dt", {}, t("host")), h("dd", {}, entityLink("Department", m.host.id, m.host.name))],
      m.chair && [h("dt", {}, t("chair")), h("dd", {}, entityLink("Person", m.chair.id, m.chair.name))],
      m.attendees.length > 0 && [
        h("dt", {}, t("attendees")),
        h(
          "dd",
          {},
          m.attendees.map((p, i) => [i > 0 && "、", entityLink("Person", p.id, p.name)]),
        ),
      ],
      h("dt", {}, t("document")),
      h("dd", {}, entityLink("Document", m.document.id, m.document.title)),
    ),
    h("p", {}, h("a", { href: `/graph?id=${encodeURIComponent(m.id)}` }, t("openGraph"))),
    section(
      t("speakers"),
      h(
        "ol",
        { class: "speakers" },
        reports.map((r) =>
          h(
            "li",
            { value: r.order },
            r.departments.map((d, i) => [i > 0 && "、", departmentLink(d)]),
            " ",
            entityLink("Report", r.id, count(r.achievements.length, "achievementsShort")),
            " ",
            count(r.shortcomings.length, "shortcomingsShort"),
          ),
        ),
      ),
    ),
    m.directives.length > 0 && section(t("Directive"), itemList("Directive", m.directives)),
  );
}
