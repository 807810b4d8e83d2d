import { gql } from "../api";
import { h } from "../dom";
import { named, t } from "../i18n";
import {
  count,
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

interface Answer {
  recurringShortcomingThemes: { theme: ThemeRef; departmentCount: number }[];
  meetings: { totalCount: number; nodes: MeetingRef[] };
  departments: { totalCount: number; nodes: (DepartmentRef & { parent: DepartmentRef | null })[] };
}

// Beijing's own bodies are listed flat; the bodies of a district (or another locality) are listed
// under it, so that two districts' 区科委 read as two bodies.
function departmentGroups(nodes: Answer["departments"]["nodes"]): HTMLElement[] {
  const top = nodes.filter((d) => !d.parent || d.parent.id === "beijing");
  const under = new Map<string, { parent: DepartmentRef; parts: DepartmentRef[] }>();
  for (const d of nodes) {
    if (!d.parent || d.parent.id === "beijing") continue;
    const group = under.get(d.parent.id) ?? { parent: d.parent, parts: [] };
    group.parts.push(d);
    under.set(d.parent.id, group);
  }
  return [
    h(
      "ul",
      { class: "chips" },
      top.map((d) => h("li", {}, departmentLink(d))),
    ),
    ...[...under.values()].map((g) =>
      h(
        "div",
        { class: "department-group" },
        h("h3", {}, departmentLink(g.parent)),
        h(
          "ul",
          { class: "chips" },
          g.parts.map((d) => h("li", {}, departmentLink(d))),
        ),
      ),
    ),
  ];
}

/** The start page: the headline pattern, the latest meetings, the departments. */
export async function homeView(): Promise<HTMLElement> {
  const a = await gql<Answer>(`{
    recurringShortcomingThemes(minDepartments: 2) { theme { ${THEME} } departmentCount }
    meetings(first: 10) { totalCount nodes { ${MEETING} } }
    departments(first: 100) { totalCount nodes { ${DEPARTMENT} parent { ${DEPARTMENT} } } }
  }`);
  return h(
    "article",
    { class: "home" },
    heading("policygraph"),
    h("p", { class: "lede" }, t("intro")),
    section(
      h("a", { href: "/patterns/recurring" }, t("recurring")),
      h(
        "ol",
        { class: "plain" },
        a.recurringShortcomingThemes
          .slice(0, 5)
          .map((r) =>
            h(
              "li",
              {},
              entityLink("PolicyTheme", r.theme.id, named(r.theme)),
              " ",
              count(r.departmentCount, "departmentsCount"),
            ),
          ),
      ),
    ),
    section(
      `${t("recentMeetings")} (${a.meetings.totalCount})`,
      h(
        "ul",
        { class: "plain" },
        a.meetings.nodes.map((m) => h("li", {}, meetingLink(m))),
      ),
    ),
    section(`${t("departments")} (${a.departments.totalCount})`, ...departmentGroups(a.departments.nodes)),
  );
}
