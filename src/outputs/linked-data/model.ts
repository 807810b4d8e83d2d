import { EntityType } from "../../model/iri";
import type { RelationshipType } from "../../model/graph.cypher";

/**
 * What the exports read from the graph: the stored properties of each label, its relationship
 * types, and which relationship becomes which RDF link. Labels, types and property names here are
 * the only ones the export queries use.
 */

/** Export order: the theme scheme first, then bodies, people, sources, meetings and what they hold. */
export const ENTITY_TYPES: readonly EntityType[] = [
  "PolicyTheme",
  "Department",
  "Person",
  "Document",
  "Meeting",
  "Report",
  "Achievement",
  "Shortcoming",
  "Directive",
];

export const ITEM_TYPES = ["Achievement", "Shortcoming", "Directive"] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** True for the three extracted item labels. */
export const isItemType = (type: EntityType): type is ItemType => (ITEM_TYPES as readonly string[]).includes(type);

const ITEM_PROPERTIES = [
  "id",
  "text",
  "seq",
  "start",
  "end",
  "sentenceStart",
  "sentenceEnd",
  "date",
  "documentId",
  "meetingId",
  "reportId",
  "position",
] as const;

/** Stored properties of each label that the exports carry (also the CSV columns, in order). */
export const ENTITY_PROPERTIES: Record<EntityType, readonly string[]> = {
  PolicyTheme: ["id", "name", "nameEn", "keywords", "position", "parentId"],
  Department: ["id", "name", "fullName", "nameEn", "aliases", "kind", "curated"],
  Person: ["id", "name", "nameEn", "curated"],
  Document: ["id", "title", "url", "published", "sha256", "text"],
  Meeting: ["id", "date", "kind", "title"],
  Report: ["id", "order", "subject", "date"],
  Achievement: ITEM_PROPERTIES,
  Shortcoming: ITEM_PROPERTIES,
  Directive: ITEM_PROPERTIES,
};

/** CSV file of each entity type (without `.csv`). */
export const ENTITY_FILES: Record<EntityType, string> = {
  PolicyTheme: "themes",
  Department: "departments",
  Person: "people",
  Document: "documents",
  Meeting: "meetings",
  Report: "reports",
  Achievement: "achievements",
  Shortcoming: "shortcomings",
  Directive: "directives",
};

export type RelType = Exclude<RelationshipType, "CORRECTS">;

/** A relationship type: its start labels, end label and the properties it carries. */
export interface RelDef {
  type: RelType;
  from: readonly EntityType[];
  to: EntityType;
  props: readonly string[];
}

/** Every relationship type of the graph (CSV: one file each, `from_id,to_id,…props`). */
export const RELATIONSHIPS: readonly RelDef[] = [
  { type: "RECORDED_IN", from: ["Meeting"], to: "Document", props: [] },
  { type: "CHAIRED", from: ["Person"], to: "Meeting", props: ["order"] },
  { type: "ATTENDED", from: ["Person"], to: "Meeting", props: ["order"] },
  { type: "GAVE", from: ["Department"], to: "Report", props: [] },
  { type: "AT", from: ["Report"], to: "Meeting", props: [] },
  { type: "ACHIEVED", from: ["Report"], to: "Achievement", props: [] },
  { type: "FELL_SHORT", from: ["Report"], to: "Shortcoming", props: [] },
  { type: "ISSUED", from: ["Meeting"], to: "Directive", props: [] },
  { type: "ADDRESSED_TO", from: ["Directive"], to: "Department", props: [] },
  { type: "PART_OF", from: ["Department"], to: "Department", props: [] },
  { type: "HELD_BY", from: ["Meeting"], to: "Department", props: [] },
  { type: "ABOUT", from: ITEM_TYPES, to: "PolicyTheme", props: ["rank", "reason"] },
  { type: "BROADER", from: ["PolicyTheme"], to: "PolicyTheme", props: [] },
  // Inferred (src/pipeline/inference): one per rule, so a pair may be linked more than once.
  {
    type: "ADDRESSES",
    from: ["Directive"],
    to: "Shortcoming",
    props: ["rule", "theme", "themes", "reason", "inferred"],
  },
];

/** CSV file of a relationship type (without `.csv`): `fell_short`, `about`. */
export const relationshipFile = (type: RelType) => type.toLowerCase();

/**
 * A relationship seen as an RDF link: which end is the RDF subject, the predicate, and the key under
 * which the subject's row lists the other ends (`{id, ...props}`, ordered by `order`).
 */
export interface LinkDef {
  rel: RelType;
  start: EntityType;
  end: EntityType;
  subject: "start" | "end";
  predicate: string;
  key: string;
  props: readonly string[];
  /** Cypher ORDER BY over `r` (the relationship) and `m` (the other end). */
  order: string;
}

// Items in reading order, like the API lists them.
const READING = "m.position, m.id";

const RDF_LINKS: {
  rel: RelType;
  subject: "start" | "end";
  predicate: string;
  key: string;
  order?: string;
  /** Relationship properties the RDF reads beyond those the CSV carries. */
  extraProps?: readonly string[];
}[] = [
  { rel: "RECORDED_IN", subject: "start", predicate: "schema:recordedIn", key: "recordedIn" },
  { rel: "CHAIRED", subject: "end", predicate: "schema:organizer", key: "organizer", order: "r.order, m.id" },
  { rel: "ATTENDED", subject: "end", predicate: "schema:attendee", key: "attendee", order: "r.order, m.id" },
  { rel: "GAVE", subject: "start", predicate: "pg:gave", key: "gave", order: "m.date, m.id" },
  { rel: "AT", subject: "start", predicate: "pg:at", key: "at" },
  { rel: "ACHIEVED", subject: "start", predicate: "pg:achieved", key: "achieved", order: READING },
  { rel: "FELL_SHORT", subject: "start", predicate: "pg:fellShort", key: "fellShort", order: READING },
  { rel: "ISSUED", subject: "start", predicate: "pg:issued", key: "issued", order: READING },
  { rel: "ADDRESSED_TO", subject: "start", predicate: "pg:addressedTo", key: "addressedTo" },
  { rel: "PART_OF", subject: "start", predicate: "org:subOrganizationOf", key: "subOrganizationOf" },
  {
    rel: "PART_OF",
    subject: "end",
    predicate: "org:hasSubOrganization",
    key: "hasSubOrganization",
    order: "m.name, m.id",
  },
  { rel: "HELD_BY", subject: "start", predicate: "pg:heldBy", key: "heldBy" },
  // A curator's tag names the correction that made it (prov:wasGeneratedBy).
  {
    rel: "ABOUT",
    subject: "start",
    predicate: "pg:about",
    key: "about",
    order: "r.rank, m.id",
    extraProps: ["source", "correctionId"],
  },
  { rel: "BROADER", subject: "start", predicate: "skos:broader", key: "broader" },
  { rel: "BROADER", subject: "end", predicate: "skos:narrower", key: "narrower" },
  {
    rel: "ADDRESSES",
    subject: "start",
    predicate: "pg:addresses",
    key: "addresses",
    order: "m.id, r.rule, r.theme",
  },
];

/** Every RDF link, one per (relationship type, start label, direction). */
export const LINKS: readonly LinkDef[] = RDF_LINKS.flatMap((l) => {
  const rel = RELATIONSHIPS.find((r) => r.type === l.rel)!;
  return rel.from.map((start) => ({
    rel: l.rel,
    start,
    end: rel.to,
    subject: l.subject,
    predicate: l.predicate,
    key: l.key,
    props: [...rel.props, ...(l.extraProps ?? [])],
    order: l.order ?? "m.id",
  }));
});

/** The links whose RDF subject is an entity of `type` (stated in its own description). */
export const ownLinks = (type: EntityType) => LINKS.filter((l) => (l.subject === "start" ? l.start : l.end) === type);

/** The links whose RDF object is an entity of `type` (stated in other entities' descriptions). */
export const inboundLinks = (type: EntityType) =>
  LINKS.filter((l) => (l.subject === "start" ? l.end : l.start) === type);

/** An entity as the export queries return it: stored properties, and the ends of its own links. */
export interface EntityRow {
  id: string;
  [property: string]: unknown;
  links: Record<string, LinkTarget[]>;
}

/** One end of a link, with the relationship's properties. */
export interface LinkTarget {
  id: string;
  [property: string]: unknown;
}

/** What labels a neighbour (type and display fields), as the summary query returns it. */
export interface SummaryRow {
  id: string;
  label: string;
  name?: string | null;
  nameEn?: string | null;
  title?: string | null;
  subject?: string | null;
  date?: string | null;
  text?: string | null;
}

/** A curator's correction as the linked-data queries return it (its payload still JSON). */
export interface CorrectionLdRow {
  id: string;
  kind: string;
  author: string;
  at: string;
  reason: string;
  targetId: string;
  /** The label of the target when the correction was made. */
  targetType: string;
  /** Its label now (null when the target is gone: undone addition, re-extraction, merge). */
  targetLabel: string | null;
  documentId: string | null;
  payload: string;
  undone: boolean;
  undoneBy: string | null;
  orphaned: boolean;
}
