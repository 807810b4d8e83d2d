import { readdirSync } from "node:fs";
import { join } from "node:path";
import { RELATIONSHIPS } from "../../src/outputs/linked-data/model";

/**
 * Every Cypher statement the service can run, expanded: the constant statements exported by the
 * `*.cypher.ts` modules (strings, and arrays and tables of them), and each branch of the exported
 * builders called with the arguments listed in BUILDERS. The snapshot test (catalogue.test.ts)
 * shows each one whole in review; explain.test.ts has Neo4j plan each one.
 */

export interface Statement {
  /** `<module>/<export>[.key][index](args)`, stable across runs. */
  name: string;
  cypher: string;
  /** A piece of a statement (a projection, a subquery, a condition) rather than one Neo4j runs alone. */
  fragment: boolean;
}

const SRC = join(__dirname, "..", "..", "src");

// A string is Cypher (rather than a label, a type or a property name) when it reads a clause.
const CLAUSE = /\b(MATCH|RETURN|UNWIND|MERGE|CREATE|CALL|DELETE|REMOVE|SET|WITH|WHERE)\b/;

// Every combination of the recurrence's optional parts.
const RECURRENCE_PARTS = [false, true].flatMap((departments) =>
  [false, true].map((meetingCount) => [{ departments, meetingCount }]),
);

type Builder = (...args: never[]) => unknown;

/**
 * The argument lists of every exported builder, one per branch it can take; the catalogue test
 * fails for an exported function missing here, so a new builder cannot go unreviewed.
 */
export const BUILDERS: Record<string, unknown[][]> = {
  "model/graph.cypher/notRejected": [[]],
  "api/item/item.cypher/itemFields": [["Achievement"], ["Shortcoming", "s"], ["Directive"]],
  // Projections: what every caller without a selection reads, and a lean read of a few fields.
  "api/item/item.cypher/itemSpec": [["Achievement"], ["Shortcoming"], ["Directive"]],
  "api/item/item.cypher/itemProjection": [["Shortcoming", undefined]],
  "api/document/document.cypher/documentFields": [[], [["id", "text"]]],
  "api/document/document.cypher/documentsByIdQuery": [[], [["id", "text"]]],
  "api/document/document.cypher/documentsByMeetingQuery": [[], [["id", "title"]]],
  "api/department/department.cypher/departmentPageQuery": [[], [["id", "name"]]],
  "api/department/department.cypher/departmentsByIdQuery": [[], [["id", "parentId"]]],
  "api/department/department.cypher/departmentsByReportQuery": [[], [["id", "name"]]],
  "api/department/department.cypher/partsByDepartmentQuery": [[], [["id", "name"]]],
  "api/pattern/pattern.cypher/recurringShortcomingThemes": RECURRENCE_PARTS,
  "api/pattern/pattern.cypher/recurringShortcomingThemesAllTime": RECURRENCE_PARTS,
  "api/pattern/pattern.cypher/persistentShortcomings": [[false], [true]],
  "api/person/person.cypher/meetingsByPersonWithin": [[false], [true]],
  "api/report/report.cypher/reportsByDepartmentWithin": [[false], [true]],
  "api/item/item.cypher/itemPageQuery": (["Achievement", "Shortcoming", "Directive"] as const).flatMap((kind) => [
    [kind, {}],
    [kind, { departmentId: "d" }],
    [kind, { departmentId: "d", themeId: "t" }],
    [kind, { themeId: "t" }],
    [kind, { from: "2022-01-01" }],
    [kind, { from: "2022-01-01", to: "2022-12-31" }],
    [kind, { to: "2022-12-31", meetingId: "m", contains: "党建", departmentKind: "DISTRICT" }],
  ]),
  "api/item/item.cypher/itemsByParentQuery": [
    ["Achievement"],
    ["Shortcoming"],
    ["Directive"],
    ["Shortcoming", ["id", "text"]],
    ["Shortcoming", ["id", "quote", "sentenceText"]],
  ],
  "api/item/item.cypher/itemsByIdQuery": [
    ["Achievement"],
    ["Shortcoming"],
    ["Directive"],
    ["Directive", ["id", "tags"]],
  ],
  "pipeline/ingest/ingest.cypher/people": [
    ["chairs", "CHAIRED"],
    ["attendees", "ATTENDED"],
  ],
  "pipeline/ingest/ingest.cypher/reports": [["CREATE"], ["MERGE"]],
  "pipeline/ingest/ingest.cypher/items": [
    ["achievements", "Achievement", "Report", "ACHIEVED"],
    ["shortcomings", "Shortcoming", "Report", "FELL_SHORT", "MERGE"],
    ["directives", "Directive", "Meeting", "ISSUED"],
  ],
  "api/department/department.cypher/departmentFields": [[], ["b"]],
  "pipeline/curation/correction.cypher/addItems": [["Achievement"], ["Shortcoming"], ["Directive"]],
  "pipeline/curation/correction.cypher/foldRedirected": [["row"]],
  "outputs/linked-data/linked-data.cypher/relationshipPage": RELATIONSHIPS.flatMap((rel) =>
    rel.from.map((from) => [rel, from]),
  ),
};

/**
 * Exports that are pieces of statements, by name (`<module>/<export>`): the snapshot shows them,
 * the plan test checks that some runnable statement holds each instead of planning it alone.
 */
export const FRAGMENTS = new Set<string>([
  "model/graph.cypher/notRejected",
  "api/item/item.cypher/itemFields",
  "api/department/department.cypher/departmentFields",
  "api/department/department.cypher/DEPARTMENT_FIELDS",
  "pipeline/ingest/ingest.cypher/people",
  "pipeline/ingest/ingest.cypher/reports",
  "pipeline/ingest/ingest.cypher/items",
  "pipeline/curation/correction.cypher/foldRedirected",
  "pipeline/ingest/ingest.cypher/DEPARTMENTS",
  "pipeline/ingest/ingest.cypher/DEPARTMENTS_AND_HOST",
  "pipeline/ingest/ingest.cypher/ADDRESSEES",
  "pipeline/derived/derived.cypher/DIRECTIVE_INDEX",
  "pipeline/derived/derived.cypher/DERIVING",
]);

const isFragment = (name: string) => FRAGMENTS.has(name.replace(/^(.*\.cypher\/\w+).*$/, "$1"));

function cypherModules(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".cypher.ts"))
    .map((f) => f.replace(/\.ts$/, "").split("\\").join("/"))
    .sort();
}

// Names a builder's arguments readably: strings as they are, objects by their keys or name.
function describe(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === "string") return JSON.stringify(a);
      if (a && typeof a === "object") {
        const o = a as Record<string, unknown>;
        if (typeof o.type === "string") return o.type;
        if (Array.isArray(a)) return JSON.stringify(a);
        // A filter names its keys; a flag object its values too.
        return Object.values(o).every((v) => typeof v === "boolean")
          ? JSON.stringify(o)
          : `{${Object.keys(o).join(",")}}`;
      }
      return String(a);
    })
    .join(", ");
}

function expand(name: string, value: unknown, out: Statement[], fragment = isFragment(name)): void {
  if (typeof value === "string") {
    if (CLAUSE.test(value) || fragment) out.push({ name, cypher: value.trim(), fragment });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => expand(`${name}[${i}]`, v, out, fragment));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) expand(`${name}.${k}`, v, out, fragment);
  }
}

/** The catalogue, and the problems that make it incomplete (exports it cannot expand). */
export function catalogue(): { statements: Statement[]; problems: string[] } {
  const statements: Statement[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const mod of cypherModules()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const members = require(join(SRC, mod)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(members)) {
      const name = `${mod}/${key}`;
      if (typeof value === "function") {
        seen.add(name);
        const calls = BUILDERS[name];
        if (!calls) {
          problems.push(`${name} is a builder with no argument lists in BUILDERS`);
          continue;
        }
        for (const args of calls)
          expand(`${name}(${describe(args)})`, (value as Builder)(...(args as never[])), statements);
      } else {
        expand(name, value, statements);
      }
    }
  }
  for (const name of Object.keys(BUILDERS)) if (!seen.has(name)) problems.push(`BUILDERS names ${name}, not exported`);
  return { statements, problems };
}
