/**
 * The graph model's names, defined once: the item labels and their relationship from a report, and
 * the condition that leaves curator-rejected items out. Labels and relationship types come from
 * these constants, never from input.
 */
export const ITEM_KINDS = {
  Achievement: { label: "Achievement", fromReport: "ACHIEVED" },
  Shortcoming: { label: "Shortcoming", fromReport: "FELL_SHORT" },
  Directive: { label: "Directive", fromReport: null },
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;

/**
 * True for an item no curator has rejected (variable `v`): every list, count, pattern, search and
 * export leaves rejected items out; only a look-up by id still finds them.
 */
export const notRejected = (v = "x") => `${v}.rejected IS NULL`;
