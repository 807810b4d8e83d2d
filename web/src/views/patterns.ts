import { gql } from "../api";
import { h } from "../dom";
import { Key, named, t } from "../i18n";
import {
  count,
  DEPARTMENT,
  DepartmentRef,
  departmentLink,
  entityLink,
  heading,
  MEETING,
  MeetingRef,
  THEME,
  ThemeRef,
} from "../ui";

type Metric = "shortcomings" | "achievements" | "directives";
const METRICS: Metric[] = ["shortcomings", "achievements", "directives"];
const METRIC_LABEL: Record<Metric, Key> = {
  shortcomings: "shortcomingsShort",
  achievements: "achievementsShort",
  directives: "directivesShort",
};
const KINDS = ["MUNICIPAL_DEPARTMENT", "DISTRICT", "DISTRICT_DEPARTMENT", "ENTERPRISE", "STREET", "OTHER"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Date-window filters as GraphQL variables, ignoring what is not a date. */
function window(params: URLSearchParams): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  for (const k of ["from", "to"] as const) {
    const v = params.get(k);
    if (v && DATE.test(v)) out[k] = v;
  }
  return out;
}

/** A GET form: submitting it changes the URL, so every filtered view can be linked and shared. */
function filterForm(action: string, params: URLSearchParams, ...extra: HTMLElement[]): HTMLFormElement {
  const field = (name: "from" | "to") =>
    h("label", {}, t(name), " ", h("input", { type: "date", name, value: params.get(name) ?? "" }));
  return h(
    "form",
    { class: "filters", method: "get", action },
    field("from"),
    field("to"),
    ...extra,
    h("button", { type: "submit" }, t("apply")),
  );
}

const select = (name: string, label: Key, value: string, options: [string, string][]) =>
  h(
    "label",
    {},
    t(label),
    " ",
    h(
      "select",
      { name },
      options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)),
    ),
  );

interface Matrix {
  themes: ThemeRef[];
  rows: {
    department: DepartmentRef;
    shortcomings: number;
    cells: { theme: { id: string }; achievements: number; shortcomings: number; directives: number }[];
  }[];
}

/** Themes × departments, coloured by the chosen count; rows are themes, so a gap reads across. */
export async function heatmapView(params: URLSearchParams): Promise<HTMLElement> {
  const metric = (METRICS as string[]).includes(params.get("metric") ?? "")
    ? (params.get("metric") as Metric)
    : "shortcomings";
  const kind = KINDS.includes(params.get("kind") ?? "") ? params.get("kind") : null;
  const { themeMatrix } = await gql<{ themeMatrix: Matrix }>(
    `query Heatmap($from: Date, $to: Date, $kind: DepartmentKind) {
      themeMatrix(from: $from, to: $to, kind: $kind) {
        themes { ${THEME} }
        rows { department { ${DEPARTMENT} } shortcomings cells { theme { id } achievements shortcomings directives } }
      }
    }`,
    { ...window(params), kind },
  );
  const rows = [...themeMatrix.rows].sort((a, b) => b.shortcomings - a.shortcomings);
  const value = new Map<string, number>();
  for (const r of rows) for (const c of r.cells) value.set(`${c.theme.id} ${r.department.id}`, c[metric]);
  const max = Math.max(1, ...value.values());
  const themes = themeMatrix.themes.filter((th) =>
    rows.some((r) => (value.get(`${th.id} ${r.department.id}`) ?? 0) > 0),
  );
  const table = h(
    "table",
    { class: "heatmap", "data-metric": metric },
    h("caption", {}, `${t(METRIC_LABEL[metric])} · ${t("heatmap")}`),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, t("theme")),
        rows.map((r) => h("th", { scope: "col", class: "dept" }, departmentLink(r.department))),
      ),
    ),
    h(
      "tbody",
      {},
      themes.map((th) =>
        h(
          "tr",
          { "data-theme": th.id },
          h("th", { scope: "row" }, entityLink("PolicyTheme", th.id, named(th))),
          rows.map((r) => {
            const n = value.get(`${th.id} ${r.department.id}`) ?? 0;
            const label = `${named(th)} × ${named(r.department)}: ${n} ${t(METRIC_LABEL[metric])}`;
            return h(
              "td",
              { "data-department": r.department.id, "data-count": n, style: `--heat:${(n / max).toFixed(3)}` },
              n > 0
                ? h(
                    "a",
                    {
                      href: `/id/department/${encodeURIComponent(r.department.id)}`,
                      title: label,
                      "aria-label": label,
                    },
                    n,
                  )
                : h("span", { "aria-label": label }, "·"),
            );
          }),
        ),
      ),
    ),
  );
  return h(
    "article",
    { class: "heatmap-page" },
    heading(t("heatmap")),
    h("p", {}, t("heatmapIntro")),
    filterForm(
      "/patterns/heatmap",
      params,
      select(
        "metric",
        "metric",
        metric,
        METRICS.map((m) => [m, t(METRIC_LABEL[m])]),
      ),
      select("kind", "kind", kind ?? "", [["", t("all")], ...KINDS.map((k): [string, string] => [k, k])]),
    ),
    h("div", { class: "scroll heatmap-scroll", tabindex: "0", role: "region", "aria-label": t("heatmap") }, table),
  );
}

const positive = (params: URLSearchParams, name: string, fallback: number) => {
  const n = Number(params.get(name));
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : fallback;
};

interface ShortcomingRef {
  id: string;
  text: string;
  department: DepartmentRef;
  meeting: MeetingRef;
}

/** Themes on which several departments were found wanting, most departments first. */
export async function recurringView(params: URLSearchParams): Promise<HTMLElement> {
  const min = positive(params, "min", 2);
  const { recurringShortcomingThemes: list } = await gql<{
    recurringShortcomingThemes: {
      theme: ThemeRef;
      departmentCount: number;
      meetingCount: number;
      shortcomingCount: number;
      departments: DepartmentRef[];
      shortcomings: ShortcomingRef[];
    }[];
  }>(
    `query Recurring($min: Int!, $from: Date, $to: Date) {
      recurringShortcomingThemes(minDepartments: $min, from: $from, to: $to) {
        theme { ${THEME} } departmentCount meetingCount shortcomingCount departments { ${DEPARTMENT} }
        shortcomings(first: 5) { id text department { ${DEPARTMENT} } meeting { ${MEETING} } }
      }
    }`,
    { min, ...window(params) },
  );
  return h(
    "article",
    { class: "recurring-page" },
    heading(t("recurring")),
    h("p", {}, t("recurringIntro")),
    filterForm("/patterns/recurring", params, numberField("min", "minDepartments", min)),
    h(
      "ol",
      { class: "patterns" },
      list.map((r) =>
        h(
          "li",
          { "data-theme": r.theme.id },
          h(
            "h2",
            {},
            entityLink("PolicyTheme", r.theme.id, named(r.theme)),
            " ",
            count(r.departmentCount, "departmentsCount"),
            " ",
            count(r.meetingCount, "meetingsCount"),
            " ",
            count(r.shortcomingCount, "shortcomingsCount"),
          ),
          h(
            "p",
            { class: "depts" },
            r.departments.map((d, i) => [i > 0 && " · ", departmentLink(d)]),
          ),
          shortcomingDetails(r.shortcomings),
        ),
      ),
    ),
  );
}

/** The same department found wanting on the same theme at several meetings. */
export async function persistentView(params: URLSearchParams): Promise<HTMLElement> {
  const min = positive(params, "min", 2);
  const { persistentShortcomings: list } = await gql<{
    persistentShortcomings: {
      department: DepartmentRef;
      theme: ThemeRef;
      meetingCount: number;
      meetings: MeetingRef[];
      shortcomings: ShortcomingRef[];
    }[];
  }>(
    `query Persistent($min: Int!, $from: Date, $to: Date) {
      persistentShortcomings(minMeetings: $min, from: $from, to: $to) {
        department { ${DEPARTMENT} } theme { ${THEME} } meetingCount meetings { ${MEETING} }
        shortcomings(first: 5) { id text department { ${DEPARTMENT} } meeting { ${MEETING} } }
      }
    }`,
    { min, ...window(params) },
  );
  return h(
    "article",
    { class: "persistent-page" },
    heading(t("persistent")),
    h("p", {}, t("persistentIntro")),
    filterForm("/patterns/persistent", params, numberField("min", "minMeetings", min)),
    list.length === 0 && h("p", { class: "empty" }, t("noResults")),
    h(
      "ol",
      { class: "patterns" },
      list.map((p) =>
        h(
          "li",
          { "data-department": p.department.id, "data-theme": p.theme.id },
          h(
            "h2",
            {},
            departmentLink(p.department),
            " × ",
            entityLink("PolicyTheme", p.theme.id, named(p.theme)),
            " ",
            count(p.meetingCount, "meetingsCount"),
          ),
          h("p", { class: "meta" }, p.meetings.map((m) => m.date).join(" · ")),
          shortcomingDetails(p.shortcomings),
        ),
      ),
    ),
  );
}

const numberField = (name: string, label: Key, value: number) =>
  h("label", {}, t(label), " ", h("input", { type: "number", name, min: 1, max: 1000, value, inputmode: "numeric" }));

const shortcomingDetails = (items: ShortcomingRef[]) =>
  items.length > 0 &&
  h(
    "details",
    {},
    h("summary", {}, t("latestShortcomings")),
    h(
      "ul",
      { class: "links" },
      items.map((s) =>
        h(
          "li",
          {},
          entityLink("Shortcoming", s.id, s.text),
          h("p", { class: "meta" }, departmentLink(s.department), ` · ${s.meeting.date}`),
        ),
      ),
    ),
  );
