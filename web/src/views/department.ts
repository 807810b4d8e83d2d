import { gqlEntity } from "../api";
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
  themeChips,
} from "../ui";
import { entityPath } from "../routes";
import {
  CORRECTION,
  CorrectionRow,
  correctionForm,
  correctionList,
  departmentPicker,
  isCurator,
  refresh,
  withDepartment,
} from "./correct";
import { gql } from "../api";
import { ITEM, ItemRow, itemList } from "./items";

interface DepartmentPage extends DepartmentRef {
  fullName: string;
  aliases: string[];
  kind: string;
  curated: boolean;
  parent: DepartmentRef | null;
  parts: DepartmentRef[];
  themes: ThemeRef[];
  reports: { id: string; order: number; meeting: MeetingRef; achievements: ItemRow[]; shortcomings: ItemRow[] }[];
  corrections: CorrectionRow[];
}

const QUERY = `query Department($id: ID!) {
  department(id: $id) {
    ${DEPARTMENT} fullName aliases kind curated parent { ${DEPARTMENT} } parts { ${DEPARTMENT} } themes { ${THEME} }
    reports { id order meeting { ${MEETING} } achievements { ${ITEM} } shortcomings { ${ITEM} } }
    corrections { ${CORRECTION} }
  }
  persistentShortcomings(departmentId: $id, minMeetings: 2) {
    theme { ${THEME} } meetingCount shortcomingCount
  }
  similarDepartments(id: $id, first: 5) { score department { ${DEPARTMENT} } sharedThemes { ${THEME} } }
}`;

interface Answer {
  department: DepartmentPage | null;
  persistentShortcomings: { theme: ThemeRef; meetingCount: number; shortcomingCount: number }[];
  similarDepartments: { score: number; department: DepartmentRef; sharedThemes: ThemeRef[] }[];
}

/** A department: what it was praised and faulted for at each meeting, newest first. */
export async function departmentView(id: string): Promise<HTMLElement | null> {
  const answer = await gqlEntity<Answer>(QUERY, { id });
  if (!answer) return null;
  const { department: d, persistentShortcomings, similarDepartments } = answer;
  if (!d) return null;
  const reports = [...d.reports].sort((a, b) => b.meeting.date.localeCompare(a.meeting.date));
  const names = [d.fullName !== d.name && d.fullName, named(d) !== d.name && d.name, d.nameEn].filter(Boolean);
  return h(
    "article",
    { class: "department-page" },
    heading(named(d), "department"),
    h(
      "dl",
      { class: "facts" },
      names.length > 0 && [h("dt", {}, t("aliases")), h("dd", {}, [...names, ...d.aliases].join(" · "))],
      h("dt", {}, t("kind")),
      h("dd", {}, d.kind, !d.curated && ` · ${t("uncurated")}`),
      d.parent && [h("dt", {}, t("partOf")), h("dd", {}, departmentLink(d.parent))],
    ),
    h("p", {}, h("a", { href: `/graph?id=${encodeURIComponent(d.id)}` }, t("openGraph"))),
    correctionList(d.corrections),
    isCurator() && mergeForm(d.id),
    d.parts.length > 0 &&
      section(
        t("parts"),
        h(
          "ul",
          { class: "plain parts" },
          d.parts.map((p) => h("li", {}, departmentLink(p))),
        ),
      ),
    d.themes.length > 0 && section(t("themes"), themeChips(d.themes)),
    persistentShortcomings.length > 0 &&
      section(
        t("persistent"),
        h(
          "ul",
          { class: "plain" },
          persistentShortcomings.map((p) =>
            h(
              "li",
              {},
              entityLink("PolicyTheme", p.theme.id, named(p.theme)),
              " ",
              count(p.meetingCount, "meetingsCount"),
            ),
          ),
        ),
      ),
    similarDepartments.length > 0 &&
      section(
        t("similar"),
        h(
          "ul",
          { class: "plain" },
          similarDepartments.map((s) =>
            h("li", {}, departmentLink(s.department), ` ${s.score.toFixed(2)} `, themeChips(s.sharedThemes)),
          ),
        ),
      ),
    section(`${t("reportsByMeeting")} (${reports.length})`, reportList(reports)),
  );
}

/** A curator's merge of this department into another (its reports and names go there). */
function mergeForm(id: string): HTMLElement {
  const picker = departmentPicker(id);
  let into = "";
  return section(
    t("merge"),
    h("p", { class: "note" }, t("mergeHelp")),
    correctionForm(
      "merge",
      "merge",
      [picker.el],
      (reason) =>
        withDepartment(picker, (intoId) => {
          into = intoId;
          return gql(
            `mutation Merge($fromId: ID!, $intoId: ID!, $reason: String!) { mergeDepartments(fromId: $fromId, intoId: $intoId, reason: $reason) { id } }`,
            { fromId: id, intoId, reason },
          );
        }),
      () => {
        history.pushState(null, "", entityPath("Department", into));
        refresh();
      },
    ),
  );
}

const PAGE = 20;

type ReportRow = DepartmentPage["reports"][number];

const reportSection = (r: ReportRow) =>
  h(
    "section",
    { class: "report", "data-report": r.id },
    h("h3", {}, meetingLink(r.meeting), " ", h("span", { class: "count" }, `${t("order")}${r.order}`)),
    r.achievements.length > 0 && [h("h4", {}, t("achievement")), itemList("Achievement", r.achievements)],
    r.shortcomings.length > 0 && [h("h4", {}, t("shortcoming")), itemList("Shortcoming", r.shortcomings)],
  );

/** The newest reports first, PAGE at a time: a department can have reported at hundreds of meetings. */
function reportList(reports: ReportRow[]): HTMLElement {
  const list = h("div", { class: "reports" });
  const more = h("button", { type: "button", class: "more" });
  let shown = 0;
  const showMore = () => {
    const next = reports.slice(shown, shown + PAGE);
    list.append(...next.map(reportSection));
    shown += next.length;
    more.textContent = `${t("earlierReports")} (${reports.length - shown})`;
    more.hidden = shown >= reports.length;
    if (next[0] && shown > PAGE)
      list.querySelector<HTMLElement>(`[data-report="${CSS.escape(next[0].id)}"] h3 a`)?.focus();
  };
  more.addEventListener("click", showMore);
  showMore();
  return h("div", {}, list, more);
}
