import { DepartmentKind } from "../../model/department-kind";
import { MeetingKind } from "../../pipeline/extraction/extraction.types";
import { expand, vocabularyPrefixes } from "./namespaces";

/**
 * The project vocabulary (`{base}/ns#`) for what no standard term covers, and the JSON-LD terms of
 * every predicate the mapping emits. The context, the /ns document and the JSON-LD serialiser are
 * all generated from these tables, so a term cannot be emitted without being defined.
 */

/** How a predicate's values look, which fixes its JSON-LD term definition. */
export type ValueKind = "id" | "lang" | "string" | "integer" | "boolean" | "date" | "dateTime" | "literal";

/** A JSON-LD term: its name in documents, its predicate as a compact IRI, the kind of its values. */
export interface TermDef {
  term: string;
  curie: string;
  kind: ValueKind;
}

interface PgClass {
  name: string;
  label: string;
  comment: string;
  subClassOf: string[];
}

interface PgProperty {
  name: string;
  kind: ValueKind;
  label: string;
  comment: string;
  domain?: string;
  range?: string;
  subPropertyOf?: string;
  /** Derived by the service, never stated by a text. */
  inferred?: boolean;
}

const ITEM = "pg:Item";

/** Classes of the project vocabulary; each entity type has one, beside its standard classes. */
export const PG_CLASSES: readonly PgClass[] = [
  {
    name: "Department",
    label: "Department",
    comment:
      "A body that reports or is named at a review meeting: a municipal department, district, street, enterprise.",
    subClassOf: ["org:Organization"],
  },
  {
    name: "Meeting",
    label: "Review meeting",
    comment: "A monthly work-review meeting (月度工作点评会).",
    subClassOf: ["schema:Event"],
  },
  {
    name: "Person",
    label: "Person",
    comment: "Someone who chaired or attended a meeting.",
    subClassOf: ["schema:Person", "foaf:Person"],
  },
  {
    name: "Report",
    label: "Report",
    comment: "One department's turn at one meeting (a joint report has several departments).",
    subClassOf: ["prov:Entity"],
  },
  {
    name: "Item",
    label: "Item",
    comment: "A fact extracted from a readout, with the characters of the text it stands on.",
    subClassOf: ["prov:Entity"],
  },
  {
    name: "Achievement",
    label: "Achievement",
    comment: "What a department was credited with in its report.",
    subClassOf: [ITEM],
  },
  {
    name: "Shortcoming",
    label: "Shortcoming",
    comment: "Where a department was found to fall short.",
    subClassOf: [ITEM],
  },
  {
    name: "Directive",
    label: "Directive",
    comment: "What the meeting directed (会议强调/指出/要求).",
    subClassOf: [ITEM],
  },
  {
    name: "PolicyTheme",
    label: "Policy theme",
    comment: "A concept of the policy-theme scheme.",
    subClassOf: ["skos:Concept"],
  },
  {
    name: "Document",
    label: "Readout",
    comment: "The published readout of a meeting, kept whole; item offsets point into its text.",
    subClassOf: ["schema:Article", "prov:Entity"],
  },
  {
    name: "ThemeTag",
    label: "Theme tag",
    comment: "Why an item is about a theme: the rank of the theme among the item's themes and the keyword or rule.",
    subClassOf: [],
  },
  {
    name: "AddressInference",
    label: "Inferred address",
    comment: "Why a directive is taken to answer a shortcoming: the rule, the shared themes, the reason. Inferred.",
    subClassOf: ["prov:Entity"],
  },
  {
    name: "Correction",
    label: "Correction",
    comment:
      "A curator's correction of what the extractor produced (a theme change, a rejection, an added item, a reassigned report, a merge of two bodies, or the undo of one of these): attributed, dated, with its reason; kept apart from the extraction and applied on top of it.",
    subClassOf: ["prov:Activity"],
  },
  {
    name: "Curator",
    label: "Curator",
    comment: "Someone who corrects the graph, named by their token's name (never the token).",
    subClassOf: ["prov:Agent"],
  },
  {
    name: "InferredProperty",
    label: "Inferred property",
    comment: "A property whose statements the service derives; no text states them.",
    subClassOf: ["rdf:Property"],
  },
];

/** Properties of the project vocabulary. */
export const PG_PROPERTIES: readonly PgProperty[] = [
  {
    name: "gave",
    kind: "id",
    label: "gave",
    comment: "The department gave this report.",
    domain: "pg:Department",
    range: "pg:Report",
  },
  {
    name: "at",
    kind: "id",
    label: "at",
    comment: "The report was given at this meeting.",
    domain: "pg:Report",
    range: "pg:Meeting",
  },
  {
    name: "achieved",
    kind: "id",
    label: "achieved",
    comment: "An achievement named in the report.",
    domain: "pg:Report",
    range: "pg:Achievement",
  },
  {
    name: "fellShort",
    kind: "id",
    label: "fell short",
    comment: "A shortcoming named in the report.",
    domain: "pg:Report",
    range: "pg:Shortcoming",
  },
  {
    name: "issued",
    kind: "id",
    label: "issued",
    comment: "A directive the meeting issued.",
    domain: "pg:Meeting",
    range: "pg:Directive",
  },
  {
    name: "addressedTo",
    kind: "id",
    label: "addressed to",
    comment: "A department the directive's text names as its addressee.",
    domain: "pg:Directive",
    range: "pg:Department",
  },
  {
    name: "heldBy",
    kind: "id",
    label: "held by",
    comment: "The locality whose meeting it was (北京市 for the 市委's meetings, 通州区, 宁波市).",
    domain: "pg:Meeting",
    range: "pg:Department",
  },
  {
    name: "about",
    kind: "id",
    label: "about",
    comment: "A policy theme of the item (every theme it is tagged with; see pg:themeTag for rank and reason).",
    domain: ITEM,
    range: "pg:PolicyTheme",
    subPropertyOf: "dcterms:subject",
  },
  {
    name: "themeTag",
    kind: "id",
    label: "theme tag",
    comment: "The qualified form of pg:about: theme, rank and reason.",
    domain: ITEM,
    range: "pg:ThemeTag",
  },
  { name: "theme", kind: "id", label: "theme", comment: "The theme of a tag.", range: "pg:PolicyTheme" },
  { name: "rank", kind: "integer", label: "rank", comment: "0 = the theme that fits the item best." },
  {
    name: "reason",
    kind: "string",
    label: "reason",
    comment:
      'Why: a keyword ("keyword:全面从严治党") or rule of the extractor, or a curator\'s own words (tags and corrections of curators).',
  },
  {
    name: "correctionKind",
    kind: "string",
    label: "correction kind",
    comment:
      "What a correction does: SET_ITEM_THEMES, REJECT_ITEM, ADD_ITEM, ASSIGN_REPORT, MERGE_DEPARTMENTS or UNDO (as the API's CorrectionKind).",
    domain: "pg:Correction",
  },
  {
    name: "undone",
    kind: "boolean",
    label: "undone",
    comment: "True once an undo took the correction back (see prov:wasInvalidatedBy for the undo).",
    domain: "pg:Correction",
  },
  {
    name: "orphaned",
    kind: "boolean",
    label: "orphaned",
    comment: "True when a re-extraction left the correction without its target: kept, not applied.",
    domain: "pg:Correction",
  },
  {
    name: "rejected",
    kind: "boolean",
    label: "rejected",
    comment:
      "True for an item a curator rejected (not a real item). Only its own IRI answers for it: the dumps and exports leave it out.",
    domain: ITEM,
  },
  {
    name: "rejectedBy",
    kind: "id",
    label: "rejected by",
    comment: "The correction that rejected the item.",
    domain: ITEM,
    range: "pg:Correction",
    subPropertyOf: "prov:wasInfluencedBy",
  },
  {
    name: "assignedBy",
    kind: "id",
    label: "assigned by",
    comment: "The correction that gave the report to the body that now pg:gave it (instead of the extractor's).",
    domain: "pg:Report",
    range: "pg:Correction",
    subPropertyOf: "prov:wasInfluencedBy",
  },
  {
    name: "assignedTo",
    kind: "id",
    label: "assigned to",
    comment: "The body a correction gave the report to.",
    domain: "pg:Correction",
    range: "pg:Department",
  },
  {
    name: "mergedFrom",
    kind: "id",
    label: "merged from",
    comment: "The body a merge folded into another; its IRI now redirects (301) there and is owl:sameAs it.",
    domain: "pg:Correction",
    range: "pg:Department",
    subPropertyOf: "prov:used",
  },
  {
    name: "mergedInto",
    kind: "id",
    label: "merged into",
    comment: "The body a merge folded the other into.",
    domain: "pg:Correction",
    range: "pg:Department",
    subPropertyOf: "prov:used",
  },
  {
    name: "evidence",
    kind: "id",
    label: "evidence",
    comment: "The annotation that anchors the item in its readout's text.",
    domain: ITEM,
    range: "oa:Annotation",
  },
  {
    name: "sentence",
    kind: "id",
    label: "sentence",
    comment: "The whole sentence around the item's text, as a text position selector.",
    domain: "oa:SpecificResource",
    range: "oa:TextPositionSelector",
  },
  {
    name: "addresses",
    kind: "id",
    label: "addresses (inferred)",
    comment:
      "INFERRED, not stated by any text: the directive is taken to answer the shortcoming (shared theme, same or later meeting). See pg:inference for the rule and reason.",
    domain: "pg:Directive",
    range: "pg:Shortcoming",
    inferred: true,
  },
  {
    name: "inference",
    kind: "id",
    label: "inference",
    comment: "The qualified form of pg:addresses: rule, shared themes, reason.",
    domain: "pg:Directive",
    range: "pg:AddressInference",
  },
  {
    name: "shortcoming",
    kind: "id",
    label: "shortcoming",
    comment: "The shortcoming an inference links to.",
    domain: "pg:AddressInference",
    range: "pg:Shortcoming",
  },
  { name: "rule", kind: "string", label: "rule", comment: "The inference rule that made the link." },
  {
    name: "sharedTheme",
    kind: "id",
    label: "shared theme",
    comment: "A theme the directive and the shortcoming share.",
    range: "pg:PolicyTheme",
  },
  { name: "order", kind: "integer", label: "order", comment: "Speaking order of a report at its meeting (from 1)." },
  { name: "seq", kind: "integer", label: "sequence", comment: "Position of an item within its report or meeting." },
  {
    name: "speaker",
    kind: "lang",
    label: "speaker",
    comment: "The reporting body as the readout names it.",
    domain: "pg:Report",
  },
  {
    name: "meetingKind",
    kind: "id",
    label: "meeting kind",
    comment: "Who reports at the meeting.",
    domain: "pg:Meeting",
    range: "skos:Concept",
  },
  {
    name: "curated",
    kind: "boolean",
    label: "curated",
    comment: "True for entries of the curated registry; false for bodies first met in a readout.",
  },
  { name: "sha256", kind: "string", label: "SHA-256", comment: "Hex SHA-256 of the readout body (UTF-8)." },
];

/** Labels of the department kinds, concepts of `pg:departmentKinds`. */
export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, { en: string; zh: string }> = {
  [DepartmentKind.CITY]: { en: "city", zh: "市" },
  [DepartmentKind.COUNTY]: { en: "county", zh: "县" },
  [DepartmentKind.MUNICIPAL_DEPARTMENT]: { en: "municipal department", zh: "市级部门" },
  [DepartmentKind.DISTRICT]: { en: "district", zh: "区" },
  [DepartmentKind.DISTRICT_DEPARTMENT]: { en: "district or county department", zh: "区县级部门" },
  [DepartmentKind.TOWN]: { en: "town or township", zh: "乡镇" },
  [DepartmentKind.STREET]: { en: "street (subdistrict)", zh: "街道" },
  [DepartmentKind.ENTERPRISE]: { en: "state-owned enterprise", zh: "国有企业" },
  [DepartmentKind.OTHER]: { en: "other body", zh: "其他" },
};

/** Labels of the meeting kinds, concepts of `pg:meetingKinds`. */
export const MEETING_KIND_LABELS: Record<MeetingKind, { en: string; zh: string }> = {
  "municipal-departments": { en: "review of municipal departments", zh: "市直部门点评会" },
  districts: { en: "review of districts", zh: "各区点评会" },
  soes: { en: "review of state-owned enterprises", zh: "市属国企点评会" },
  streets: { en: "review of streets and townships", zh: "街乡镇点评会" },
  other: { en: "other review meeting", zh: "其他点评会" },
};

/** `pg:departmentKind-district`: the concept of a department kind. */
export const departmentKindCurie = (kind: string) => `pg:departmentKind-${kind}`;
/** `pg:meetingKind-districts`: the concept of a meeting kind. */
export const meetingKindCurie = (kind: string) => `pg:meetingKind-${kind}`;

/** Standard terms the mapping uses, with their JSON-LD names. */
const STANDARD_TERMS: readonly TermDef[] = [
  { term: "label", curie: "rdfs:label", kind: "lang" },
  { term: "prefLabel", curie: "skos:prefLabel", kind: "lang" },
  { term: "altLabel", curie: "skos:altLabel", kind: "lang" },
  { term: "hiddenLabel", curie: "skos:hiddenLabel", kind: "lang" },
  { term: "notation", curie: "skos:notation", kind: "string" },
  { term: "broader", curie: "skos:broader", kind: "id" },
  { term: "narrower", curie: "skos:narrower", kind: "id" },
  { term: "inScheme", curie: "skos:inScheme", kind: "id" },
  { term: "topConceptOf", curie: "skos:topConceptOf", kind: "id" },
  { term: "hasTopConcept", curie: "skos:hasTopConcept", kind: "id" },
  { term: "classification", curie: "org:classification", kind: "id" },
  { term: "subOrganizationOf", curie: "org:subOrganizationOf", kind: "id" },
  { term: "hasSubOrganization", curie: "org:hasSubOrganization", kind: "id" },
  { term: "legalName", curie: "schema:legalName", kind: "lang" },
  { term: "name", curie: "schema:name", kind: "lang" },
  { term: "startDate", curie: "schema:startDate", kind: "date" },
  { term: "organizer", curie: "schema:organizer", kind: "id" },
  { term: "attendee", curie: "schema:attendee", kind: "id" },
  { term: "recordedIn", curie: "schema:recordedIn", kind: "id" },
  { term: "url", curie: "schema:url", kind: "id" },
  { term: "text", curie: "schema:text", kind: "lang" },
  { term: "title", curie: "dcterms:title", kind: "lang" },
  { term: "published", curie: "dcterms:issued", kind: "literal" },
  { term: "date", curie: "dcterms:date", kind: "date" },
  { term: "wasDerivedFrom", curie: "prov:wasDerivedFrom", kind: "id" },
  { term: "motivatedBy", curie: "oa:motivatedBy", kind: "id" },
  { term: "hasBody", curie: "oa:hasBody", kind: "id" },
  { term: "hasTarget", curie: "oa:hasTarget", kind: "id" },
  { term: "hasSource", curie: "oa:hasSource", kind: "id" },
  { term: "hasSelector", curie: "oa:hasSelector", kind: "id" },
  { term: "exact", curie: "oa:exact", kind: "string" },
  { term: "start", curie: "oa:start", kind: "integer" },
  { term: "end", curie: "oa:end", kind: "integer" },
  { term: "comment", curie: "rdfs:comment", kind: "lang" },
  { term: "subClassOf", curie: "rdfs:subClassOf", kind: "id" },
  { term: "subPropertyOf", curie: "rdfs:subPropertyOf", kind: "id" },
  { term: "domain", curie: "rdfs:domain", kind: "id" },
  { term: "range", curie: "rdfs:range", kind: "id" },
  { term: "isDefinedBy", curie: "rdfs:isDefinedBy", kind: "id" },
  { term: "wasAssociatedWith", curie: "prov:wasAssociatedWith", kind: "id" },
  { term: "endedAtTime", curie: "prov:endedAtTime", kind: "dateTime" },
  { term: "used", curie: "prov:used", kind: "id" },
  { term: "generated", curie: "prov:generated", kind: "id" },
  { term: "wasGeneratedBy", curie: "prov:wasGeneratedBy", kind: "id" },
  { term: "wasInvalidatedBy", curie: "prov:wasInvalidatedBy", kind: "id" },
  { term: "sameAs", curie: "owl:sameAs", kind: "id" },
  { term: "agentName", curie: "foaf:name", kind: "string" },
];

/** Every JSON-LD term: the standard ones and one per project property (named as the property). */
export const TERMS: readonly TermDef[] = [
  ...STANDARD_TERMS,
  ...PG_PROPERTIES.map((p) => ({ term: p.name, curie: `pg:${p.name}`, kind: p.kind })),
];

function termDefinition(baseUrl: string, t: TermDef): string | Record<string, string> {
  const id = expand(baseUrl, t.curie);
  switch (t.kind) {
    case "id":
      return { "@id": id, "@type": "@id" };
    case "lang":
      return { "@id": id, "@container": "@language" };
    case "date":
      return { "@id": id, "@type": expand(baseUrl, "xsd:date") };
    case "dateTime":
      return { "@id": id, "@type": expand(baseUrl, "xsd:dateTime") };
    default:
      // Strings, numbers and booleans are native JSON values; mixed literals are value objects.
      return id;
  }
}

/** The JSON-LD context document served at /ns/context.jsonld. */
export function contextDocument(baseUrl: string): { "@context": Record<string, unknown> } {
  const context: Record<string, unknown> = {
    "@version": 1.1,
    ...vocabularyPrefixes(baseUrl),
    id: "@id",
    type: "@type",
  };
  for (const t of TERMS) context[t.term] = termDefinition(baseUrl, t);
  return { "@context": context };
}

/** Facts about the vocabulary document itself. */
export const VOCABULARY_INFO = {
  title: "policygraph vocabulary",
  comment:
    "Terms for review-meeting readouts that no standard vocabulary covers. Entities also carry W3C ORG, SKOS, PROV-O, Web Annotation, schema.org and Dublin Core terms.",
};
