import { Child, h } from "./dom";
import { Key, lang, named, t } from "./i18n";
import { entityPath } from "./routes";

export interface ThemeRef {
  id: string;
  name: string;
  nameEn: string;
}
export interface DepartmentRef {
  id: string;
  name: string;
  nameEn?: string | null;
}
export interface MeetingRef {
  id: string;
  date: string;
  title: string;
}

/** GraphQL selection for a theme chip. */
export const THEME = "id name nameEn";
/** GraphQL selection for a department link. */
export const DEPARTMENT = "id name nameEn";
/** GraphQL selection for a meeting link. */
export const MEETING = "id date title";

/** Any entity, labelled for lists and graphs; see LABEL. */
export interface LabelledNode {
  __typename: string;
  id: string;
  name?: string;
  nameEn?: string | null;
  /** PolicyTheme's nameEn, aliased: it is non-null there and nullable elsewhere, which GraphQL will not merge. */
  themeNameEn?: string;
  date?: string;
  title?: string;
  text?: string;
  subject?: string;
  order?: number;
}

/** Selection that lets `nodeLabel` name any Node. */
export const LABEL = `__typename id
  ... on Department { name nameEn }
  ... on Meeting { date title }
  ... on Report { date subject order }
  ... on Achievement { text }
  ... on Shortcoming { text }
  ... on Directive { text }
  ... on PolicyTheme { name themeNameEn: nameEn }
  ... on Document { title }
  ... on Person { name nameEn }`;

/** A short human label for any entity. */
export function nodeLabel(n: LabelledNode, max = 40): string {
  let s: string;
  if (n.name !== undefined) s = named({ name: n.name, nameEn: n.nameEn ?? n.themeNameEn });
  else if (n.__typename === "Meeting") s = `${n.date} ${n.title ?? ""}`;
  else if (n.__typename === "Report") s = `${n.date ?? ""} #${n.order} ${n.subject ?? ""}`;
  else s = n.text ?? n.title ?? n.id;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A link to an entity's page. */
export const entityLink = (typename: string, id: string, ...label: Child[]): HTMLAnchorElement =>
  h("a", { href: entityPath(typename, id) }, ...label);

export const departmentLink = (d: DepartmentRef) =>
  entityLink("Department", d.id, h("span", { lang: lang() === "en" && d.nameEn ? "en" : "zh" }, named(d)));
export const meetingLink = (m: MeetingRef) => entityLink("Meeting", m.id, `${m.date} · ${m.title}`);

/** Theme chips linking to the theme pages. */
export const themeChips = (themes: ThemeRef[]): HTMLElement =>
  h(
    "ul",
    { class: "chips" },
    themes.map((x) => h("li", {}, entityLink("PolicyTheme", x.id, named(x)))),
  );

/** A titled section. */
export const section = (title: Child, ...body: Child[]): HTMLElement => h("section", {}, h("h2", {}, title), ...body);

/** The page heading, focused after each navigation so that screen readers and keyboards follow. */
export const heading = (text: Child, kind?: Key): HTMLElement =>
  h("header", { class: "page-head" }, kind && h("p", { class: "kind" }, t(kind)), h("h1", { tabindex: "-1" }, text));

/** The count badge of a list item. */
export const count = (n: number, label: Key): HTMLElement => h("span", { class: "count" }, `${n} ${t(label)}`);

/** Highlights given [start, end) ranges of a text with <mark>. */
export function marked(text: string, ranges: { start: number; end: number }[]): Child[] {
  const out: Child[] = [];
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    out.push(text.slice(at, r.start), h("mark", {}, text.slice(r.start, r.end)));
    at = r.end;
  }
  out.push(text.slice(at));
  return out;
}
