import { DataFactory, Literal, NamedNode, Quad } from "n3";
import { DepartmentKind } from "../../model/department-kind";
import { MEETING_KINDS } from "../../pipeline/extraction/extraction.types";
import {
  correctionIri,
  curatorIri,
  EntityType,
  entityIri,
  IRI_TYPES,
  themeSchemeIri,
  vocabularyIri,
} from "../../model/iri";
import { CorrectionLdRow, EntityRow, inboundLinks, isItemType, LinkDef, ownLinks, SummaryRow } from "./model";
import { expand, NS } from "./namespaces";
import {
  DEPARTMENT_KIND_LABELS,
  departmentKindCurie,
  MEETING_KIND_LABELS,
  meetingKindCurie,
  PG_CLASSES,
  PG_PROPERTIES,
  VOCABULARY_INFO,
} from "./vocabulary";

/**
 * The one RDF mapping of the graph: every entity's description as quads, from the rows of
 * linked-data.cypher.ts. The per-entity routes, the dumps and the CLI all serialise these quads
 * (Turtle, N-Triples, JSON-LD), so the formats cannot drift apart.
 *
 * An entity's own description holds its properties and the links it is the RDF subject of; each
 * link is stated by exactly one entity, so a dump of all descriptions states each triple once.
 * Parts of a description that need nodes of their own (provenance selectors, qualified theme tags,
 * inferences) get fragment IRIs under the entity's IRI (`…/id/shortcoming/x#quote`), not blank
 * nodes: every serialisation then names them alike.
 */

const { namedNode, literal, quad } = DataFactory;
type Obj = NamedNode | Literal;

/** The terms of one base URL; vocabulary IRIs are built once. */
export class Terms {
  private readonly cache = new Map<string, NamedNode>();
  constructor(readonly baseUrl: string) {}

  /** A vocabulary term from its compact IRI (`skos:prefLabel`, `pg:Report`). */
  v(curie: string): NamedNode {
    let node = this.cache.get(curie);
    if (!node) this.cache.set(curie, (node = namedNode(expand(this.baseUrl, curie))));
    return node;
  }

  entity(type: EntityType, id: string): NamedNode {
    return namedNode(entityIri(this.baseUrl, type, id));
  }

  correction(id: string): NamedNode {
    return namedNode(correctionIri(this.baseUrl, id));
  }

  curator(name: string): NamedNode {
    return namedNode(curatorIri(this.baseUrl, name));
  }
}

/** Quads grouped by subject in first-seen order, so that serialisers can abbreviate. */
export class Description {
  private readonly bySubject = new Map<string, Quad[]>();

  add(s: NamedNode, p: NamedNode, o: Obj | null | undefined): void {
    if (!o) return;
    let list = this.bySubject.get(s.value);
    if (!list) this.bySubject.set(s.value, (list = []));
    list.push(quad(s, p, o));
  }

  quads(): Quad[] {
    return [...this.bySubject.values()].flat();
  }
}

const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const zh = (v: unknown) => (nonEmpty(v) ? literal(v, "zh") : null);
const en = (v: unknown) => (nonEmpty(v) ? literal(v, "en") : null);
const xsd = (local: string) => namedNode(`${NS.xsd}${local}`);
const str = (v: unknown) => (typeof v === "string" ? literal(v) : null);
const int = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? literal(String(v), xsd("integer")) : null);
const bool = (v: unknown) => (typeof v === "boolean" ? literal(String(v), xsd("boolean")) : null);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (v: unknown) => (typeof v === "string" && DATE.test(v) ? literal(v, xsd("date")) : null);

// Published dates are YYYY-MM-DD or YYYY; anything else stays a plain string.
function published(v: unknown): Literal | null {
  if (typeof v !== "string" || !v) return null;
  if (DATE.test(v)) return literal(v, xsd("date"));
  if (/^\d{4}$/.test(v)) return literal(v, xsd("gYear"));
  return literal(v);
}

// A source URL becomes an IRI only when it is one (Turtle and JSON-LD would reject it otherwise).
function urlTerm(v: unknown): Obj | null {
  if (!nonEmpty(v)) return null;
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/.test(v) ? namedNode(v) : literal(v);
}

const fragment = (s: NamedNode, name: string) => namedNode(`${s.value}#${name}`);

const STANDARD_CLASSES: Record<EntityType, string[]> = {
  Department: ["org:Organization"],
  Meeting: ["schema:Event"],
  Person: ["schema:Person", "foaf:Person"],
  Document: ["schema:Article", "prov:Entity"],
  Report: ["prov:Entity"],
  Achievement: ["pg:Item", "prov:Entity"],
  Shortcoming: ["pg:Item", "prov:Entity"],
  Directive: ["pg:Item", "prov:Entity"],
  PolicyTheme: ["skos:Concept"],
};

// Subordinate bodies are units of a larger government; districts and enterprises stand alone.
const DEPARTMENT_CLASSES: Record<string, string> = {
  [DepartmentKind.MUNICIPAL_DEPARTMENT]: "org:OrganizationalUnit",
  [DepartmentKind.DISTRICT_DEPARTMENT]: "org:OrganizationalUnit",
  [DepartmentKind.TOWN]: "org:OrganizationalUnit",
  [DepartmentKind.STREET]: "org:OrganizationalUnit",
  [DepartmentKind.CITY]: "org:FormalOrganization",
  [DepartmentKind.COUNTY]: "org:FormalOrganization",
  [DepartmentKind.DISTRICT]: "org:FormalOrganization",
  [DepartmentKind.ENTERPRISE]: "org:FormalOrganization",
};

type LabelFields = Pick<SummaryRow, "name" | "nameEn" | "title" | "subject" | "date" | "text">;

// The labels a link to an entity is shown with; part of the entity's own description too.
function addLabels(d: Description, t: Terms, s: NamedNode, type: EntityType, f: LabelFields): void {
  switch (type) {
    case "Department":
    case "PolicyTheme":
      d.add(s, t.v("skos:prefLabel"), zh(f.name));
      d.add(s, t.v("skos:prefLabel"), en(f.nameEn));
      return;
    case "Person":
      d.add(s, t.v("schema:name"), zh(f.name));
      d.add(s, t.v("schema:name"), en(f.nameEn));
      return;
    case "Meeting":
      d.add(s, t.v("rdfs:label"), zh([f.date, f.title].filter(nonEmpty).join(" ")));
      return;
    case "Report":
      d.add(s, t.v("rdfs:label"), zh(`${f.subject ?? ""}（${f.date ?? ""}）`));
      return;
    case "Document":
      d.add(s, t.v("dcterms:title"), zh(f.title));
      return;
    default:
      d.add(s, t.v("rdfs:label"), zh(f.text));
  }
}

const other = (l: LinkDef): EntityType => (l.subject === "start" ? l.end : l.start);

function addLinks(d: Description, t: Terms, s: NamedNode, type: EntityType, row: EntityRow): void {
  for (const l of ownLinks(type)) {
    const seen = new Set<string>();
    for (const target of row.links[l.key] ?? []) {
      if (seen.has(target.id)) continue;
      seen.add(target.id);
      d.add(s, t.v(l.predicate), t.entity(other(l), target.id));
    }
  }
}

// Web Annotation: the item (body) identifies the characters [start, end) of its readout (target).
function addEvidence(d: Description, t: Terms, s: NamedNode, row: EntityRow): void {
  if (!nonEmpty(row.documentId)) return;
  const doc = t.entity("Document", row.documentId);
  const [annotation, target, quote, position, sentence] = ["evidence", "target", "quote", "position", "sentence"].map(
    (name) => fragment(s, name),
  );
  d.add(s, t.v("prov:wasDerivedFrom"), doc);
  d.add(s, t.v("pg:evidence"), annotation);
  d.add(annotation, t.v("rdf:type"), t.v("oa:Annotation"));
  d.add(annotation, t.v("oa:motivatedBy"), t.v("oa:identifying"));
  d.add(annotation, t.v("oa:hasBody"), s);
  d.add(annotation, t.v("oa:hasTarget"), target);
  d.add(target, t.v("rdf:type"), t.v("oa:SpecificResource"));
  d.add(target, t.v("oa:hasSource"), doc);
  d.add(target, t.v("oa:hasSelector"), quote);
  d.add(target, t.v("oa:hasSelector"), position);
  d.add(target, t.v("pg:sentence"), sentence);
  d.add(quote, t.v("rdf:type"), t.v("oa:TextQuoteSelector"));
  d.add(quote, t.v("oa:exact"), str(row.text));
  d.add(position, t.v("rdf:type"), t.v("oa:TextPositionSelector"));
  d.add(position, t.v("oa:start"), int(row.start));
  d.add(position, t.v("oa:end"), int(row.end));
  d.add(sentence, t.v("rdf:type"), t.v("oa:TextPositionSelector"));
  d.add(sentence, t.v("oa:start"), int(row.sentenceStart));
  d.add(sentence, t.v("oa:end"), int(row.sentenceEnd));
}

// Qualified pg:about: why the item carries each theme.
function addThemeTags(d: Description, t: Terms, s: NamedNode, row: EntityRow): void {
  for (const tag of row.links.about ?? []) {
    const node = fragment(s, `theme-${encodeURIComponent(tag.id)}`);
    d.add(s, t.v("pg:themeTag"), node);
    d.add(node, t.v("rdf:type"), t.v("pg:ThemeTag"));
    d.add(node, t.v("pg:theme"), t.entity("PolicyTheme", tag.id));
    d.add(node, t.v("pg:rank"), int(tag.rank));
    d.add(node, t.v("pg:reason"), str(tag.reason));
    if (tag.source === "CURATOR" && nonEmpty(tag.correctionId))
      d.add(node, t.v("prov:wasGeneratedBy"), t.correction(tag.correctionId));
  }
}

// What curators' corrections made of an item: added (generated by the correction), rejected.
function addItemCorrections(d: Description, t: Terms, s: NamedNode, row: EntityRow): void {
  if (nonEmpty(row.addedBy)) d.add(s, t.v("prov:wasGeneratedBy"), t.correction(row.addedBy));
  if (row.rejected === true) {
    d.add(s, t.v("pg:rejected"), bool(true));
    if (nonEmpty(row.rejectedBy)) d.add(s, t.v("pg:rejectedBy"), t.correction(row.rejectedBy));
  }
}

// Inferred links keep their own nodes: rule, shared themes and reason, derived from both ends.
function addInferences(d: Description, t: Terms, s: NamedNode, row: EntityRow): void {
  const used = new Set<string>();
  for (const link of row.links.addresses ?? []) {
    let name = ["inference", link.id, link.rule, link.theme]
      .filter(nonEmpty)
      .map((p) => encodeURIComponent(p))
      .join("-");
    for (let n = 2; used.has(name); n++) name = `${name}-${n}`;
    used.add(name);
    const node = fragment(s, name);
    const shortcoming = t.entity("Shortcoming", link.id);
    d.add(s, t.v("pg:inference"), node);
    d.add(node, t.v("rdf:type"), t.v("pg:AddressInference"));
    d.add(node, t.v("pg:shortcoming"), shortcoming);
    d.add(node, t.v("pg:rule"), str(link.rule));
    for (const theme of Array.isArray(link.themes) ? link.themes : []) {
      if (nonEmpty(theme)) d.add(node, t.v("pg:sharedTheme"), t.entity("PolicyTheme", theme));
    }
    d.add(node, t.v("pg:reason"), str(link.reason));
    d.add(node, t.v("prov:wasDerivedFrom"), s);
    d.add(node, t.v("prov:wasDerivedFrom"), shortcoming);
  }
}

function addTypes(d: Description, t: Terms, s: NamedNode, type: EntityType, extra: string[] = []): void {
  for (const c of [`pg:${type}`, ...STANDARD_CLASSES[type], ...extra]) d.add(s, t.v("rdf:type"), t.v(c));
}

/** The own description of one entity: its types, labels, properties and the links it states. */
export function describeEntity(t: Terms, type: EntityType, row: EntityRow, into = new Description()): Description {
  const d = into;
  const s = t.entity(type, row.id);
  const kind = typeof row.kind === "string" ? row.kind : "";
  addTypes(d, t, s, type, type === "Department" && DEPARTMENT_CLASSES[kind] ? [DEPARTMENT_CLASSES[kind]] : []);
  addLabels(d, t, s, type, row as LabelFields);
  switch (type) {
    case "Department":
      d.add(s, t.v("schema:legalName"), zh(row.fullName));
      for (const alias of new Set(Array.isArray(row.aliases) ? row.aliases : [])) {
        if (alias !== row.name) d.add(s, t.v("skos:altLabel"), zh(alias));
      }
      if (kind) d.add(s, t.v("org:classification"), t.v(departmentKindCurie(kind)));
      d.add(s, t.v("pg:curated"), bool(row.curated));
      break;
    case "Person":
      d.add(s, t.v("pg:curated"), bool(row.curated));
      break;
    case "Meeting":
      d.add(s, t.v("schema:name"), zh(row.title));
      d.add(s, t.v("schema:startDate"), date(row.date));
      if (kind) d.add(s, t.v("pg:meetingKind"), t.v(meetingKindCurie(kind)));
      break;
    case "Document":
      d.add(s, t.v("dcterms:issued"), published(row.published));
      d.add(s, t.v("schema:url"), urlTerm(row.url));
      d.add(s, t.v("schema:text"), zh(row.text));
      d.add(s, t.v("pg:sha256"), str(row.sha256));
      break;
    case "Report":
      d.add(s, t.v("pg:speaker"), zh(row.subject));
      d.add(s, t.v("pg:order"), int(row.order));
      d.add(s, t.v("dcterms:date"), date(row.date));
      if (nonEmpty(row.documentId)) d.add(s, t.v("prov:wasDerivedFrom"), t.entity("Document", row.documentId));
      if (nonEmpty(row.assignedBy)) d.add(s, t.v("pg:assignedBy"), t.correction(row.assignedBy));
      break;
    case "PolicyTheme": {
      const scheme = namedNode(themeSchemeIri(t.baseUrl));
      for (const keyword of Array.isArray(row.keywords) ? row.keywords : []) {
        d.add(s, t.v("skos:hiddenLabel"), zh(keyword));
      }
      d.add(s, t.v("skos:inScheme"), scheme);
      if (!nonEmpty(row.parentId)) d.add(s, t.v("skos:topConceptOf"), scheme);
      break;
    }
    default:
      d.add(s, t.v("pg:seq"), int(row.seq));
      d.add(s, t.v("dcterms:date"), date(row.date));
  }
  addLinks(d, t, s, type, row);
  if (isItemType(type)) {
    addEvidence(d, t, s, row);
    addThemeTags(d, t, s, row);
    addInferences(d, t, s, row);
    addItemCorrections(d, t, s, row);
  }
  return d;
}

const dateTime = (v: unknown) => (typeof v === "string" && v ? literal(v, xsd("dateTime")) : null);

// The IRI of an entity by its graph label, when the label is one of the entity types.
function entityOf(t: Terms, label: string | null | undefined, id: unknown): NamedNode | null {
  return label && label in IRI_TYPES && nonEmpty(id) ? t.entity(label as EntityType, id) : null;
}

/**
 * A curator's correction as a prov:Activity: who (prov:wasAssociatedWith the curator), when
 * (prov:endedAtTime), why (pg:reason), its kind, what it used (its target) and generated (an
 * added item), and, once undone, the undo that invalidated it. What it asserts on its targets is
 * stated by them (curator theme tags and added items prov:wasGeneratedBy it, a reassigned report
 * pg:assignedBy it, a rejected item pg:rejectedBy it).
 */
export function describeCorrection(t: Terms, row: CorrectionLdRow, into = new Description()): Description {
  const d = into;
  const s = t.correction(row.id);
  const p = JSON.parse(row.payload) as Record<string, unknown>;
  d.add(s, t.v("rdf:type"), t.v("pg:Correction"));
  d.add(s, t.v("rdf:type"), t.v("prov:Activity"));
  d.add(s, t.v("rdfs:label"), en(`${row.kind} by ${row.author}, ${row.at}`));
  d.add(s, t.v("pg:correctionKind"), str(row.kind));
  d.add(s, t.v("prov:wasAssociatedWith"), t.curator(row.author));
  d.add(s, t.v("prov:endedAtTime"), dateTime(row.at));
  d.add(s, t.v("pg:reason"), str(row.reason));
  d.add(s, t.v("pg:undone"), bool(row.undone));
  if (row.undone && nonEmpty(row.undoneBy)) d.add(s, t.v("prov:wasInvalidatedBy"), t.correction(row.undoneBy));
  if (row.orphaned) d.add(s, t.v("pg:orphaned"), bool(true));
  const department = (id: unknown) => (nonEmpty(id) ? t.entity("Department", id) : null);
  switch (row.kind) {
    case "SET_ITEM_THEMES":
    case "REJECT_ITEM":
      d.add(s, t.v("prov:used"), entityOf(t, row.targetLabel ?? row.targetType, row.targetId));
      for (const theme of Array.isArray(p.themeIds) ? p.themeIds : [])
        if (nonEmpty(theme)) d.add(s, t.v("pg:theme"), t.entity("PolicyTheme", theme));
      break;
    case "ADD_ITEM":
      d.add(s, t.v("prov:generated"), entityOf(t, row.targetType, row.targetId));
      d.add(s, t.v("prov:used"), nonEmpty(p.documentId) ? t.entity("Document", p.documentId) : null);
      d.add(s, t.v("prov:used"), nonEmpty(p.reportId) ? t.entity("Report", p.reportId) : null);
      for (const theme of Array.isArray(p.themeIds) ? p.themeIds : [])
        if (nonEmpty(theme)) d.add(s, t.v("pg:theme"), t.entity("PolicyTheme", theme));
      break;
    case "ASSIGN_REPORT":
      d.add(s, t.v("prov:used"), t.entity("Report", row.targetId));
      d.add(s, t.v("pg:assignedTo"), department(p.departmentId));
      break;
    case "MERGE_DEPARTMENTS":
      d.add(s, t.v("prov:used"), department(p.fromId));
      d.add(s, t.v("prov:used"), department(p.intoId));
      d.add(s, t.v("pg:mergedFrom"), department(p.fromId));
      d.add(s, t.v("pg:mergedInto"), department(p.intoId));
      break;
    case "UNDO":
      d.add(s, t.v("prov:used"), t.correction(row.targetId));
      break;
  }
  return d;
}

/** A curator (`/id/curator/{name}`): a prov:Agent known by the name of their token. */
export function describeCurator(t: Terms, name: string, into = new Description()): Description {
  const s = t.curator(name);
  into.add(s, t.v("rdf:type"), t.v("pg:Curator"));
  into.add(s, t.v("rdf:type"), t.v("prov:Agent"));
  into.add(s, t.v("foaf:name"), str(name));
  return into;
}

/** A merged department's old IRI: the same body as the one it was merged into. */
export function describeRedirect(t: Terms, fromId: string, toId: string, into = new Description()): Description {
  into.add(t.entity("Department", fromId), t.v("owl:sameAs"), t.entity("Department", toId));
  return into;
}

/** What a link to an entity is shown with: its project class and labels (a part of its own description). */
export function summarise(t: Terms, row: SummaryRow, into: Description): void {
  const type = row.label as EntityType;
  const s = t.entity(type, row.id);
  into.add(s, t.v("rdf:type"), t.v(`pg:${type}`));
  addLabels(into, t, s, type, row);
}

/** The links other entities state to `id`: `ids` holds, per inbound link of the type, the other ends. */
export function describeInbound(
  t: Terms,
  type: EntityType,
  id: string,
  ids: readonly (readonly string[])[],
  into: Description,
): void {
  const o = t.entity(type, id);
  inboundLinks(type).forEach((l, i) => {
    const subjectType = l.subject === "start" ? l.start : l.end;
    for (const other of ids[i] ?? []) into.add(t.entity(subjectType, other), t.v(l.predicate), o);
  });
}

/** The theme scheme (`{base}/id/theme`): a SKOS concept scheme and its top concepts. */
export function describeScheme(t: Terms, topThemeIds: readonly string[], into = new Description()): Description {
  const s = namedNode(themeSchemeIri(t.baseUrl));
  into.add(s, t.v("rdf:type"), t.v("skos:ConceptScheme"));
  into.add(s, t.v("skos:prefLabel"), zh("政策主题"));
  into.add(s, t.v("skos:prefLabel"), en("Policy themes"));
  for (const id of topThemeIds) into.add(s, t.v("skos:hasTopConcept"), t.entity("PolicyTheme", id));
  return into;
}

function kindScheme(d: Description, t: Terms, scheme: string, labels: Record<string, { en: string; zh: string }>) {
  const s = t.v(scheme);
  const kinds = Object.keys(labels);
  const isDepartment = scheme === "pg:departmentKinds";
  d.add(s, t.v("rdf:type"), t.v("skos:ConceptScheme"));
  d.add(s, t.v("skos:prefLabel"), en(isDepartment ? "Department kinds" : "Meeting kinds"));
  d.add(s, t.v("skos:prefLabel"), zh(isDepartment ? "部门类别" : "会议类别"));
  for (const kind of kinds) {
    const c = t.v(isDepartment ? departmentKindCurie(kind) : meetingKindCurie(kind));
    d.add(c, t.v("rdf:type"), t.v("skos:Concept"));
    d.add(c, t.v("skos:prefLabel"), en(labels[kind].en));
    d.add(c, t.v("skos:prefLabel"), zh(labels[kind].zh));
    d.add(c, t.v("skos:notation"), str(kind));
    d.add(c, t.v("skos:inScheme"), s);
    d.add(c, t.v("skos:topConceptOf"), s);
  }
}

/** The project vocabulary (`{base}/ns`): classes, properties and the kind schemes, with labels. */
export function describeVocabulary(t: Terms): Description {
  const d = new Description();
  const ontology = namedNode(vocabularyIri(t.baseUrl));
  d.add(ontology, t.v("rdf:type"), t.v("owl:Ontology"));
  d.add(ontology, t.v("dcterms:title"), en(VOCABULARY_INFO.title));
  d.add(ontology, t.v("rdfs:comment"), en(VOCABULARY_INFO.comment));
  for (const c of PG_CLASSES) {
    const s = t.v(`pg:${c.name}`);
    d.add(s, t.v("rdf:type"), t.v("owl:Class"));
    d.add(s, t.v("rdfs:label"), en(c.label));
    d.add(s, t.v("rdfs:comment"), en(c.comment));
    for (const sup of c.subClassOf) d.add(s, t.v("rdfs:subClassOf"), t.v(sup));
    d.add(s, t.v("rdfs:isDefinedBy"), ontology);
  }
  for (const p of PG_PROPERTIES) {
    const s = t.v(`pg:${p.name}`);
    d.add(s, t.v("rdf:type"), t.v(p.kind === "id" ? "owl:ObjectProperty" : "owl:DatatypeProperty"));
    if (p.inferred) d.add(s, t.v("rdf:type"), t.v("pg:InferredProperty"));
    d.add(s, t.v("rdfs:label"), en(p.label));
    d.add(s, t.v("rdfs:comment"), en(p.comment));
    if (p.domain) d.add(s, t.v("rdfs:domain"), t.v(p.domain));
    if (p.range) d.add(s, t.v("rdfs:range"), t.v(p.range));
    if (p.subPropertyOf) d.add(s, t.v("rdfs:subPropertyOf"), t.v(p.subPropertyOf));
    d.add(s, t.v("rdfs:isDefinedBy"), ontology);
  }
  kindScheme(d, t, "pg:departmentKinds", DEPARTMENT_KIND_LABELS);
  kindScheme(d, t, "pg:meetingKinds", Object.fromEntries(MEETING_KINDS.map((k) => [k, MEETING_KIND_LABELS[k]])));
  return d;
}
