import { gql, gqlEntity } from "../api";
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
  section,
  THEME,
  ThemeRef,
  themeChips,
} from "../ui";
import { timelineChart, TimelinePoint } from "./chart";

interface ThemePage extends ThemeRef {
  __typename: string;
  parent: ThemeRef | null;
  children: ThemeRef[];
}

const QUERY = `query Theme($id: ID!) {
  node(id: $id) { __typename ... on PolicyTheme { ${THEME} parent { ${THEME} } children { ${THEME} } } }
  persistentShortcomings(themeId: $id, minMeetings: 1) {
    department { ${DEPARTMENT} } meetingCount shortcomingCount
  }
  timeline(themeId: $id) { date achievements shortcomings directives meeting { ${MEETING} } }
  shortcomings(themeId: $id, first: 10) { totalCount nodes { id text department { ${DEPARTMENT} } meeting { ${MEETING} } } }
}`;

interface Answer {
  node: ThemePage | null;
  persistentShortcomings: { department: DepartmentRef; meetingCount: number; shortcomingCount: number }[];
  timeline: (TimelinePoint & { meeting: MeetingRef })[];
  shortcomings: {
    totalCount: number;
    nodes: { id: string; text: string; department: DepartmentRef; meeting: MeetingRef }[];
  };
}

/** A policy theme: the departments flagged on it, its timeline, its latest shortcomings. */
export async function themeView(id: string): Promise<HTMLElement | null> {
  const a = await gqlEntity<Answer>(QUERY, { id });
  const theme = a?.node;
  if (!a || !theme || theme.__typename !== "PolicyTheme") return null;
  const flagged = [...a.persistentShortcomings].sort(
    (x, y) => y.meetingCount - x.meetingCount || y.shortcomingCount - x.shortcomingCount,
  );
  return h(
    "article",
    { class: "theme-page" },
    heading(named(theme), "theme"),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "ID"),
      h("dd", {}, h("code", {}, theme.id)),
      theme.parent && [h("dt", {}, t("broader")), h("dd", {}, themeChips([theme.parent]))],
      theme.children.length > 0 && [h("dt", {}, t("narrower")), h("dd", {}, themeChips(theme.children))],
    ),
    section(
      `${t("departmentsFlagged")} (${flagged.length})`,
      h(
        "ol",
        { class: "flagged" },
        flagged.map((p) =>
          h(
            "li",
            {},
            departmentLink(p.department),
            " ",
            count(p.meetingCount, "meetingsCount"),
            " ",
            count(p.shortcomingCount, "shortcomingsCount"),
          ),
        ),
      ),
    ),
    a.timeline.length > 0 && section(t("timeline"), timelineChart(a.timeline)),
    section(
      `${t("latestShortcomings")} (${a.shortcomings.totalCount})`,
      h(
        "ul",
        { class: "links" },
        a.shortcomings.nodes.map((s) =>
          h(
            "li",
            {},
            entityLink("Shortcoming", s.id, s.text),
            h("p", { class: "meta" }, departmentLink(s.department), ` · ${s.meeting.date}`),
          ),
        ),
      ),
    ),
  );
}

/** The theme scheme: every top-level theme and its children. */
export async function themesView(): Promise<HTMLElement> {
  const { themes } = await gql<{ themes: (ThemeRef & { parent: { id: string } | null; children: ThemeRef[] })[] }>(
    `{ themes { ${THEME} parent { id } children { ${THEME} } } }`,
  );
  return h(
    "article",
    {},
    heading(t("themes")),
    h(
      "ul",
      { class: "scheme" },
      themes
        .filter((x) => !x.parent)
        .map((x) =>
          h("li", {}, entityLink("PolicyTheme", x.id, named(x)), x.children.length > 0 && themeChips(x.children)),
        ),
    ),
  );
}
