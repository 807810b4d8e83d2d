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
  departments: { totalCount: number; nodes: DepartmentRef[] };
}

/** The start page: the headline pattern, the latest meetings, the departments. */
export async function homeView(): Promise<HTMLElement> {
  const a = await gql<Answer>(`{
    recurringShortcomingThemes(minDepartments: 2) { theme { ${THEME} } departmentCount }
    meetings(first: 10) { totalCount nodes { ${MEETING} } }
    departments(first: 100) { totalCount nodes { ${DEPARTMENT} } }
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
    section(
      `${t("departments")} (${a.departments.totalCount})`,
      h(
        "ul",
        { class: "chips" },
        a.departments.nodes.map((d) => h("li", {}, departmentLink(d))),
      ),
    ),
  );
}
