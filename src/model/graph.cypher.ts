/**
 * The graph model's names, defined once: its labels and relationship types, the item labels and
 * their relationship from a report, and the condition that leaves curator-rejected items out.
 * Statements write these names out (so that each reads whole in review); the Cypher catalogue's
 * test (test/cypher) fails when one uses a label or type not listed here. Labels and relationship
 * types come from code, never from input.
 */

/** Labels of the entities: each has an id, an IRI, the `Entity` label too and a uniqueness constraint. */
export const ENTITY_LABELS = [
  "Document",
  "Meeting",
  "Person",
  "Department",
  "Report",
  "Achievement",
  "Shortcoming",
  "Directive",
  "PolicyTheme",
  "Correction",
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/**
 * Labels of derived and bookkeeping nodes, never published: tallies (per year and all-time), the
 * directive index, the redirects of merged departments, maintenance stamps.
 */
export const STATE_LABELS = [
  "DepartmentThemeTally",
  "ThemeTally",
  "DepartmentTally",
  "DepartmentThemeTotal",
  "ThemeTotal",
  "DepartmentTotal",
  "MeetingDirectiveTheme",
  "MeetingAddressee",
  "Redirect",
  "Maintenance",
] as const;

/** Every relationship type: stated by readouts, derived (ADDRESSES) or made by curators (CORRECTS). */
export const RELATIONSHIP_TYPES = [
  "RECORDED_IN",
  "CHAIRED",
  "ATTENDED",
  "GAVE",
  "AT",
  "ACHIEVED",
  "FELL_SHORT",
  "ISSUED",
  "ADDRESSED_TO",
  "PART_OF",
  "HELD_BY",
  "ABOUT",
  "BROADER",
  "ADDRESSES",
  "CORRECTS",
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const ITEM_KINDS = {
  Achievement: { label: "Achievement", fromReport: "ACHIEVED" },
  Shortcoming: { label: "Shortcoming", fromReport: "FELL_SHORT" },
  Directive: { label: "Directive", fromReport: null },
} as const satisfies Record<string, { label: EntityLabel; fromReport: RelationshipType | null }>;
export type ItemKind = keyof typeof ITEM_KINDS;

/**
 * True for an item no curator has rejected (variable `v`): every list, count, pattern, search and
 * export leaves rejected items out; only a look-up by id still finds them.
 */
export const notRejected = (v = "x") => `${v}.rejected IS NULL`;
