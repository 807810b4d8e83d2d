import { ApiError, ErrorCode, curatorName, forgetCurator, gql, saveCurator } from "../api";
import { h, replace } from "../dom";
import { Key, named, t } from "../i18n";
import { entityLink, heading, MEETING, MeetingRef, meetingLink, THEME, ThemeRef } from "../ui";
import { CATALOG, CatalogTheme, errorLine, isCurator, refresh, rejectForm, retagForm } from "./correct";

interface QueueItem {
  __typename: "Achievement" | "Shortcoming" | "Directive";
  id: string;
  text: string;
  meeting: MeetingRef;
  themeTags: { reason: string; theme: ThemeRef }[];
}
interface Queue {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { reasons: Key[]; warnings: string[]; item: QueueItem }[];
}

const ITEM = `id text meeting { ${MEETING} } themeTags { reason theme { ${THEME} } }`;
const QUERY = `query Review($after: String) {
  reviewQueue(first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { reasons warnings item { __typename
      ... on Achievement { ${ITEM} } ... on Shortcoming { ${ITEM} } ... on Directive { ${ITEM} } } }
  }
  ${CATALOG}
}`;

/** The review queue, 20 entries a page: each says why it is there; a curator acts on it in place. */
export async function reviewView(params: URLSearchParams): Promise<HTMLElement> {
  const after = params.get("after");
  const { reviewQueue: q, themes } = await gql<{ reviewQueue: Queue; themes: CatalogTheme[] }>(QUERY, { after });
  const curator = isCurator();
  return h(
    "article",
    { class: "review-page" },
    heading(`${t("review")} (${q.totalCount})`),
    h("p", { class: "note" }, t("reviewIntro")),
    q.nodes.length === 0 && h("p", {}, t("reviewEmpty")),
    h(
      "ol",
      { class: "review" },
      q.nodes.map(({ reasons, warnings, item }) =>
        h(
          "li",
          { "data-id": item.id, "data-reasons": reasons.join(" ") },
          h(
            "p",
            { class: "meta" },
            t(item.__typename.toLowerCase() as Key),
            " · ",
            meetingLink(item.meeting),
            " · ",
            h(
              "span",
              { class: "reasons" },
              reasons.map((r) => h("span", { class: "reason-badge", "data-reason": r }, t(r))),
            ),
          ),
          h("p", { class: "item-text", lang: "zh" }, entityLink(item.__typename, item.id, item.text)),
          item.themeTags.length > 0 &&
            h(
              "ul",
              { class: "plain tags" },
              item.themeTags.map((tag) =>
                h("li", {}, entityLink("PolicyTheme", tag.theme.id, named(tag.theme)), " · ", tag.reason),
              ),
            ),
          warnings.length > 0 &&
            h(
              "ul",
              { class: "plain warnings" },
              warnings.map((w) => h("li", {}, w)),
            ),
          curator &&
            h(
              "div",
              { class: "curator-actions" },
              retagForm(
                item.id,
                themes,
                item.themeTags.map((tag) => tag.theme.id),
              ),
              h("details", { class: "reject" }, h("summary", {}, t("reject")), rejectForm(item.id)),
            ),
        ),
      ),
    ),
    q.pageInfo.hasNextPage &&
      q.pageInfo.endCursor &&
      h("p", {}, h("a", { href: `/review?after=${encodeURIComponent(q.pageInfo.endCursor)}` }, t("nextPage"))),
  );
}

/**
 * Curator sign-in: the token is checked with the service (`viewer`) and kept for the session only
 * when it is a curator's. The page never shows it back; signing out forgets it.
 */
export function curatorView(): Promise<HTMLElement> {
  const name = curatorName();
  if (name) {
    return Promise.resolve(
      h(
        "article",
        {},
        heading(t("curator")),
        h("p", {}, t("signedInAs"), h("strong", { class: "curator-name" }, name)),
        h("p", {}, h("a", { href: "/review" }, t("review"))),
        h("button", { type: "button", class: "sign-out", onclick: signOut }, t("signOut")),
      ),
    );
  }
  const field = h("input", { type: "password", name: "curator-token", autocomplete: "off", required: true });
  const status = h("div", { class: "form-status" });
  return Promise.resolve(
    h(
      "article",
      {},
      heading(t("curatorTitle")),
      h("p", {}, t("curatorHelp")),
      status,
      h(
        "form",
        {
          class: "curator-sign-in",
          onsubmit: async (event: Event) => {
            event.preventDefault();
            const token = field.value.trim();
            field.value = "";
            saveCurator(token, null);
            try {
              const { viewer } = await gql<{ viewer: { curator: string | null; mutationsEnabled: boolean } }>(
                `{ viewer { curator mutationsEnabled } }`,
              );
              if (!viewer.curator) {
                forgetCurator();
                replace(
                  status,
                  errorLine(
                    new ApiError(
                      t(viewer.mutationsEnabled ? "curatorRefused" : "curatorDisabled"),
                      ErrorCode.UNAUTHENTICATED,
                    ),
                  ),
                );
                return;
              }
              saveCurator(token, viewer.curator);
              refresh();
            } catch (e) {
              forgetCurator();
              replace(status, errorLine(e));
            }
          },
        },
        h("label", {}, `${t("curator")} token `, field),
        " ",
        h("button", { type: "submit" }, t("signIn")),
      ),
    ),
  );
}

/** Forgets the curator's token and renders the page again without the forms. */
export function signOut(): void {
  forgetCurator();
  refresh();
}
