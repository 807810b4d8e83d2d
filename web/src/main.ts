import "./style.css";
import { ApiError, ErrorCode, curatorName, readTokenRefused, saveReadToken } from "./api";
import { Child, h, replace } from "./dom";
import { Key, lang, setLang, t } from "./i18n";
import { isAppPath, parseRoute, Route } from "./routes";
import { departmentView } from "./views/department";
import { graphView } from "./views/graph";
import { homeView } from "./views/home";
import { itemView } from "./views/item";
import { meetingView } from "./views/meeting";
import { documentView } from "./views/document";
import { personView } from "./views/person";
import { reportView } from "./views/report";
import { heatmapView, persistentView, recurringView } from "./views/patterns";
import { curatorView, reviewView, signOut } from "./views/review";
import { searchView } from "./views/search";
import { themesView, themeView } from "./views/theme";

const app = document.getElementById("app")!;
const status = document.getElementById("status")!;
const nav = document.getElementById("nav")!;
const input = document.getElementById("q") as HTMLInputElement;

const NAV: [string, Key][] = [
  ["/", "home"],
  ["/patterns/heatmap", "heatmap"],
  ["/patterns/recurring", "recurring"],
  ["/patterns/persistent", "persistent"],
  ["/id/theme", "themes"],
  ["/review", "review"],
];

const ENTITY_VIEWS: Record<string, (id: string) => Promise<HTMLElement | null>> = {
  department: departmentView,
  meeting: meetingView,
  theme: themeView,
  achievement: (id) => itemView("Achievement", id),
  shortcoming: (id) => itemView("Shortcoming", id),
  directive: (id) => itemView("Directive", id),
  report: reportView,
  person: personView,
  document: documentView,
};

function view(route: Route): Promise<HTMLElement | null> {
  switch (route.view) {
    case "home":
      return homeView();
    case "search":
      return searchView(route.q);
    case "heatmap":
      return heatmapView(route.params);
    case "recurring":
      return recurringView(route.params);
    case "persistent":
      return persistentView(route.params);
    case "graph":
      return graphView(route.id);
    case "themes":
      return themesView();
    case "review":
      return reviewView(route.params);
    case "curator":
      return curatorView();
    case "entity":
      return ENTITY_VIEWS[route.type]?.(route.id) ?? Promise.resolve(null);
    case "missing":
      return Promise.resolve(null);
  }
}

let generation = 0;

/** Renders the current URL; a slower earlier render never overwrites a later one. */
async function render(focus: boolean): Promise<void> {
  const mine = ++generation;
  const route = parseRoute(new URL(location.href));
  input.value = route.view === "search" ? route.q : "";
  chrome();
  status.textContent = t("loading");
  document.body.setAttribute("aria-busy", "true");
  let content: HTMLElement;
  try {
    content = (await view(route)) ?? notFound();
  } catch (e) {
    content = failure(e);
  }
  if (mine !== generation) return;
  replace(app, content);
  status.textContent = "";
  document.body.removeAttribute("aria-busy");
  document.body.dataset.view = route.view === "entity" ? route.type : route.view;
  const title = app.querySelector("h1")?.textContent;
  document.title = title ? `${title} · policygraph` : "policygraph";
  revealSentence();
  if (focus) (app.querySelector<HTMLElement>("h1") ?? document.getElementById("main"))?.focus();
}

/** Scrolls the highlighted source sentence into the middle of its readout. */
function revealSentence(): void {
  const mark = app.querySelector<HTMLElement>("#source-sentence");
  const box = mark?.closest<HTMLElement>(".readout");
  if (mark && box) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
}

function notFound(): HTMLElement {
  return h("article", {}, h("h1", { tabindex: "-1" }, t("notFound")), h("p", {}, h("code", {}, location.pathname)));
}

function failure(e: unknown): HTMLElement {
  if (e instanceof ApiError && e.code === ErrorCode.UNAUTHENTICATED) return tokenForm();
  const message = e instanceof Error ? e.message : String(e);
  const code = e instanceof ApiError ? e.code : "ERROR";
  return h(
    "article",
    { class: "error" },
    h("h1", { tabindex: "-1" }, t("error")),
    h("p", {}, h("code", {}, code), " ", message),
    h("button", { type: "button", onclick: () => void render(true) }, t("retry")),
  );
}

function tokenForm(): HTMLElement {
  const field = h("input", { type: "password", name: "token", autocomplete: "off", required: true });
  return h(
    "article",
    {},
    h("h1", { tabindex: "-1" }, t("tokenTitle")),
    h("p", {}, t("tokenHelp")),
    readTokenRefused() ? h("p", { class: "error", role: "alert" }, t("tokenRefused")) : null,
    h(
      "form",
      {
        onsubmit: (event: Event) => {
          event.preventDefault();
          saveReadToken(field.value.trim());
          void render(true);
        },
      },
      h("label", {}, "Token ", field),
      " ",
      h("button", { type: "submit" }, t("tokenSave")),
    ),
  );
}

/** The parts of the page outside the view: navigation, search box, language switch. */
function chrome(): void {
  const here = location.pathname;
  replace(
    nav,
    h(
      "ul",
      {},
      NAV.map(([href, key]) => h("li", {}, h("a", { href, "aria-current": here === href ? "page" : null }, t(key)))),
      h("li", { class: "curator-status" }, curatorStatus(here)),
    ),
  );
  input.placeholder = t("searchPlaceholder");
  document.getElementById("q-label")!.textContent = t("search");
  document.getElementById("q-submit")!.textContent = t("search");
  const button = document.getElementById("lang")!;
  button.textContent = t("language");
  button.setAttribute("aria-label", t("languageLabel"));
  button.setAttribute("lang", lang() === "zh" ? "en" : "zh");
}

// Who is signed in as curator (the name, never the token), with a way out; else the way in.
function curatorStatus(here: string): Child {
  const name = curatorName();
  if (!name)
    return h("a", { href: "/curator", "aria-current": here === "/curator" ? "page" : null }, t("curatorSignIn"));
  return [
    h("a", { href: "/curator", class: "curator-name" }, `${t("curator")}: ${name}`),
    " ",
    h("button", { type: "button", class: "small sign-out", onclick: signOut }, t("signOut")),
  ];
}

/** Client-side navigation to an explorer address. */
export function navigate(href: string): void {
  history.pushState(null, "", href);
  window.scrollTo(0, 0);
  void render(true);
}

document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const a = (event.target as Element).closest("a");
  if (!a || a.target || a.hasAttribute("download")) return;
  const url = new URL(a.href, location.href);
  if (!isAppPath(url)) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

// Filter forms are GET forms on explorer paths: handle them like links.
document.addEventListener("submit", (event) => {
  const form = event.target as HTMLFormElement;
  if (form.id === "search-form") {
    event.preventDefault();
    const q = input.value.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
    return;
  }
  if (form.method.toLowerCase() !== "get" || !form.getAttribute("action")) return;
  event.preventDefault();
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === "string" && v !== "") params.set(k, v);
  const query = params.toString();
  navigate(`${form.getAttribute("action")}${query ? `?${query}` : ""}`);
});

document.getElementById("lang")!.addEventListener("click", () => {
  setLang(lang() === "zh" ? "en" : "zh");
  void render(false);
});

// "/" jumps to the search box from anywhere but a text field.
document.addEventListener("keydown", (event) => {
  const target = event.target as HTMLElement;
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  if (target.closest("input, textarea, select, [contenteditable]")) return;
  event.preventDefault();
  input.focus();
});

window.addEventListener("popstate", () => void render(true));
// A correction committed (or a curator signed in or out): the page shows it.
window.addEventListener("policygraph:refresh", () => void render(false));

setLang(lang());
void render(false);
