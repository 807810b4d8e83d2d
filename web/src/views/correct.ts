import { ApiError, ErrorCode, curatorName, gql } from "../api";
import { Child, h, replace } from "../dom";
import { Key, lang, named, t } from "../i18n";
import { DEPARTMENT, DepartmentRef, section } from "../ui";

/**
 * Curators' corrections in the explorer: everyone sees who corrected what, when and why; a curator
 * who signed in (see ../api: the token is kept for the session) also gets the forms that make them.
 */

/** A correction as the explorer shows it. */
export interface CorrectionRow {
  id: string;
  kind: "SET_ITEM_THEMES" | "REJECT_ITEM" | "ADD_ITEM" | "ASSIGN_REPORT" | "MERGE_DEPARTMENTS" | "UNDO";
  author: string;
  at: string;
  reason: string;
  undone: boolean;
  orphaned: boolean;
  details: Record<string, unknown>;
  undoneBy: { author: string; at: string; reason: string } | null;
}

/** GraphQL selection for CorrectionRow. */
export const CORRECTION = "id kind author at reason undone orphaned details undoneBy { author at reason }";

/** A theme of the scheme, as the theme pickers list them. */
export interface CatalogTheme {
  id: string;
  name: string;
  nameEn: string;
  parent: { id: string } | null;
}

/** GraphQL selection (a root field) for the theme scheme. */
export const CATALOG = "themes { id name nameEn parent { id } }";

/** True when a curator signed in on this tab: the forms are shown. */
export const isCurator = (): boolean => curatorName() !== null;

/** Asks the explorer to render the current page again (after a correction committed). */
export const refresh = (): void => void window.dispatchEvent(new Event("policygraph:refresh"));

/** An error of the API, said plainly: its code and message. */
export function errorLine(e: unknown): HTMLElement {
  const code = e instanceof ApiError ? e.code : "ERROR";
  const message = e instanceof Error ? e.message : String(e);
  return h("p", { class: "error", role: "alert" }, h("code", {}, code), " ", message);
}

/** A time as the curator's locale writes it, with the exact ISO time on hover. */
const when = (at: string): HTMLElement =>
  h("time", { datetime: at, title: at }, new Date(at).toLocaleString(lang() === "zh" ? "zh-CN" : "en-GB"));

const themeName = (catalog: CatalogTheme[], id: string): string => {
  const theme = catalog.find((x) => x.id === id);
  return theme ? named(theme) : id;
};

// What a correction asserts, in words (ids where the page holds no names for them).
function changed(c: CorrectionRow, catalog: CatalogTheme[]): Child {
  const d = c.details;
  switch (c.kind) {
    case "SET_ITEM_THEMES": {
      const ids = (d.themeIds as string[] | undefined) ?? [];
      return ids.length ? ids.map((id) => themeName(catalog, id)).join("、") : t("noThemes");
    }
    case "ADD_ITEM":
      return `${t(String(d.kind).toLowerCase() as Key)} · ${t("characters")} ${String(d.start)}–${String(d.end)}`;
    case "ASSIGN_REPORT":
      return `→ ${String(d.departmentId)}`;
    case "MERGE_DEPARTMENTS":
      return `${String(d.fromId)} → ${String(d.intoId)}`;
    case "UNDO":
      return String(d.correctionId ?? "");
    default:
      return null;
  }
}

/** The corrections of a page's entity, newest first, each with its author, time and reason. */
export function correctionList(corrections: CorrectionRow[], catalog: CatalogTheme[] = []): HTMLElement | null {
  if (!corrections.length) return null;
  return section(
    t("corrections"),
    h(
      "ol",
      { class: "corrections" },
      corrections.map((c) =>
        h(
          "li",
          { "data-id": c.id, "data-kind": c.kind, class: c.undone ? "undone" : null },
          h("p", {}, h("strong", {}, t(c.kind)), " ", changed(c, catalog)),
          h(
            "p",
            { class: "meta" },
            h("span", { class: "author" }, c.author),
            " · ",
            when(c.at),
            " · ",
            t("reason"),
            "：",
            h("span", { class: "reason" }, c.reason),
          ),
          c.orphaned && h("p", { class: "note" }, t("orphaned")),
          c.undoneBy &&
            h(
              "p",
              { class: "meta undone-by" },
              t("undoneBy"),
              " ",
              c.undoneBy.author,
              " · ",
              when(c.undoneBy.at),
              " · ",
              c.undoneBy.reason,
            ),
          isCurator() && !c.undone && c.kind !== "UNDO" && undoForm(c.id),
        ),
      ),
    ),
  );
}

const reasonField = (): HTMLInputElement =>
  h("input", { type: "text", name: "reason", required: true, autocomplete: "off", size: 30 });

/**
 * A curator's form: `fields` then a reason and a submit button; on submit `run` makes the
 * correction (with the reason), then the page renders again, or the API's error is shown.
 */
export function correctionForm(
  name: string,
  label: Key,
  fields: Child[],
  run: (reason: string) => Promise<unknown>,
  done: () => void = refresh,
): HTMLFormElement {
  const reason = reasonField();
  const status = h("div", { class: "form-status" });
  const button = h("button", { type: "submit" }, t(label));
  const form = h(
    "form",
    {
      class: `correction-form ${name}`,
      onsubmit: async (event: Event) => {
        event.preventDefault();
        button.disabled = true;
        replace(status);
        try {
          await run(reason.value.trim());
          done();
        } catch (e) {
          replace(status, errorLine(e));
          button.disabled = false;
        }
      },
    },
    fields,
    h("label", {}, t("reason"), " ", reason),
    " ",
    button,
    status,
  );
  return form;
}

/** Undo of one correction. */
export function undoForm(id: string): HTMLFormElement {
  return correctionForm("undo", "undo", [], (reason) =>
    gql(`mutation Undo($id: ID!, $reason: String!) { undoCorrection(id: $id, reason: $reason) { id } }`, {
      id,
      reason,
    }),
  );
}

/** Rejection of an item. */
export function rejectForm(id: string): HTMLFormElement {
  return correctionForm("reject", "reject", [], (reason) =>
    gql(`mutation Reject($id: ID!, $reason: String!) { rejectItem(id: $id, reason: $reason) { id } }`, {
      id,
      reason,
    }),
  );
}

/**
 * Checkboxes for the themes of the scheme (child themes under their parents). The order in which
 * they are ticked is the order given (most fitting first); `current` start ticked, in their order.
 */
export function themePicker(catalog: CatalogTheme[], current: string[]): { el: HTMLElement; chosen: () => string[] } {
  const chosen = [...current];
  const box = (theme: CatalogTheme) =>
    h(
      "label",
      { class: theme.parent ? "child" : "top" },
      h("input", {
        type: "checkbox",
        name: "theme",
        value: theme.id,
        checked: chosen.includes(theme.id),
        onchange: (event: Event) => {
          const input = event.target as HTMLInputElement;
          const at = chosen.indexOf(theme.id);
          if (input.checked && at < 0) chosen.push(theme.id);
          if (!input.checked && at >= 0) chosen.splice(at, 1);
        },
      }),
      " ",
      named(theme),
    );
  const tops = catalog.filter((x) => !x.parent);
  const el = h(
    "fieldset",
    { class: "theme-picker" },
    h("legend", {}, t("themes")),
    tops.map((top) =>
      h("div", { class: "theme-group" }, box(top), catalog.filter((x) => x.parent?.id === top.id).map(box)),
    ),
  );
  return { el, chosen: () => [...chosen] };
}

/** Retagging of an item: the themes ticked, in the order ticked. */
export function retagForm(id: string, catalog: CatalogTheme[], current: string[]): HTMLElement {
  const picker = themePicker(catalog, current);
  return h(
    "details",
    { class: "retag" },
    h("summary", {}, t("retag")),
    correctionForm("retag", "retag", [picker.el], (reason) =>
      gql(
        `mutation Retag($id: ID!, $themeIds: [ID!]!, $reason: String!) { setItemThemes(id: $id, themeIds: $themeIds, reason: $reason) { id } }`,
        { id, themeIds: picker.chosen(), reason },
      ),
    ),
  );
}

/** A department chosen by searching its name; `value()` is its id, or null before one is chosen. */
export function departmentPicker(exclude?: string): { el: HTMLElement; value: () => string | null } {
  const query = h("input", { type: "search", name: "department-query", autocomplete: "off", size: 16 });
  const results = h("div", { class: "department-choices" });
  const find = async () => {
    const contains = query.value.trim();
    if (!contains) return;
    try {
      const { departments } = await gql<{ departments: { nodes: DepartmentRef[] } }>(
        `query Find($c: String!) { departments(contains: $c, first: 20) { nodes { ${DEPARTMENT} } } }`,
        { c: contains },
      );
      const nodes = departments.nodes.filter((d) => d.id !== exclude);
      replace(
        results,
        nodes.length
          ? nodes.map((d) =>
              h(
                "label",
                { class: "choice" },
                h("input", { type: "radio", name: "departmentId", value: d.id, required: true }),
                " ",
                named(d),
                " ",
                h("code", {}, d.id),
              ),
            )
          : h("p", { class: "note" }, t("noResults")),
      );
    } catch (e) {
      replace(results, errorLine(e));
    }
  };
  const el = h(
    "fieldset",
    { class: "department-picker" },
    h("legend", {}, t("chooseDepartment")),
    query,
    " ",
    h("button", { type: "button", class: "small", onclick: () => void find() }, t("find")),
    results,
  );
  query.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    void find();
  });
  return {
    el,
    value: () => el.querySelector<HTMLInputElement>('input[name="departmentId"]:checked')?.value ?? null,
  };
}

/** Runs `fn` with a chosen department, or says that none is chosen (nothing is sent). */
export function withDepartment(picker: { value: () => string | null }, fn: (id: string) => Promise<unknown>) {
  const id = picker.value();
  if (!id) return Promise.reject(new ApiError(t("chooseDepartment"), ErrorCode.BAD_USER_INPUT));
  return fn(id);
}
