import { h } from "../dom";
import { t } from "../i18n";
import { entityLink, THEME, ThemeRef, themeChips } from "../ui";

/** An achievement, shortcoming or directive as lists show it. */
export interface ItemRow {
  id: string;
  text: string;
  themes: ThemeRef[];
  evidence: { start: number; end: number; sentence: { start: number; end: number; text: string } };
}

/** GraphQL selection for ItemRow. */
export const ITEM = `id text themes { ${THEME} } evidence { start end sentence { start end text } }`;

/** The sentence of the readout an item came from, its own characters marked. */
export function sentenceOf(item: ItemRow): HTMLElement {
  const { sentence, start, end } = item.evidence;
  const from = start - sentence.start;
  const to = end - sentence.start;
  return h(
    "blockquote",
    { class: "sentence", lang: "zh" },
    sentence.text.slice(0, from),
    h("mark", {}, sentence.text.slice(from, to)),
    sentence.text.slice(to),
  );
}

/** A list of items: each links to its page, shows its themes, and unfolds its source sentence. */
export function itemList(typename: "Achievement" | "Shortcoming" | "Directive", items: ItemRow[]): HTMLElement {
  return h(
    "ol",
    { class: `items ${typename.toLowerCase()}s` },
    items.map((item) =>
      h(
        "li",
        { "data-id": item.id },
        h("p", { class: "item-text", lang: "zh" }, entityLink(typename, item.id, item.text)),
        item.themes.length > 0 && themeChips(item.themes),
        h("details", {}, h("summary", {}, t("showSentence")), sentenceOf(item)),
      ),
    ),
  );
}
