import { FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from "graphql";
import { itemFields, itemProjection } from "../item/item.cypher";
import { departmentFields } from "../department/department.cypher";
import { departmentProjection } from "../department/department.repository";
import { recurringShortcomingThemes, recurringShortcomingThemesAllTime } from "../pattern/pattern.cypher";
import { mapProjection, projectionFor, ProjectionSpec } from "./projection";
import { below, nodeSelection, Selection, selectionOf } from "./selection";

/** The resolve info of the operation's first root field, as graphql-js would hand it over. */
function infoOf(source: string, variableValues: Record<string, unknown> = {}) {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const first = op.selectionSet.selections[0] as FieldNode;
  const fieldNodes = op.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === first.name.value,
  );
  return { fieldNodes, fragments, variableValues };
}

/** A selection as nested plain objects, for readable expectations. */
const plain = (s: Selection): unknown => Object.fromEntries([...s].map(([k, v]) => [k, plain(v)]));

describe("selectionOf", () => {
  it("reads fields below the resolved field, with what they select in turn", () => {
    const s = selectionOf(infoOf(`{ department(id: "x") { name reports { meeting { date } } } }`));
    expect(plain(s)).toEqual({ name: {}, reports: { meeting: { date: {} } } });
  });

  it("follows fragment spreads and inline fragments, nested ones too", () => {
    const s = selectionOf(
      infoOf(`
        query { node(id: "x") { id ...A ... on Shortcoming { text } } }
        fragment A on Shortcoming { themes { ...B } }
        fragment B on PolicyTheme { name ... { nameEn } }`),
    );
    expect(plain(s)).toEqual({ id: {}, text: {}, themes: { name: {}, nameEn: {} } });
  });

  it("merges aliases into the field they rename, and repeated root field nodes", () => {
    const s = selectionOf(
      infoOf(`{ d: department(id: "x") { a: name b: reports { id } reports { order } } department(id: "x") { kind } }`),
    );
    expect(plain(s)).toEqual({ name: {}, reports: { id: {}, order: {} }, kind: {} });
  });

  it("leaves out what @skip and @include exclude, with literals and variables", () => {
    const s = selectionOf(
      infoOf(
        `query ($no: Boolean!, $yes: Boolean!) { department(id: "x") {
          a: name @skip(if: true) kind @include(if: $no) fullName @skip(if: $no) nameEn @include(if: $yes)
          ... @skip(if: $yes) { aliases } ...F @include(if: $no) } }
        fragment F on Department { curated }`,
        { no: false, yes: true },
      ),
    );
    expect(plain(s)).toEqual({ fullName: {}, nameEn: {} });
  });

  it("does not loop on a fragment that spreads itself (an unvalidated document)", () => {
    const s = selectionOf(infoOf(`{ department(id: "x") { ...F } } fragment F on Department { name ...F }`));
    expect(plain(s)).toEqual({ name: {} });
  });

  it("reads a connection's nodes from nodes and edges.node alike", () => {
    const s = selectionOf(infoOf(`{ shortcomings { totalCount nodes { text } edges { cursor node { seq } } } }`));
    expect(plain(nodeSelection(s))).toEqual({ text: {}, seq: {} });
    expect(plain(below(s, "pageInfo", "hasNextPage"))).toEqual({});
  });
});

describe("projectionFor", () => {
  const spec: ProjectionSpec = {
    columns: { id: (v) => `${v}.id`, name: (v) => `${v}.name`, parentId: (v) => `${v}.parentId` },
    always: ["id"],
    needs: { parent: ["parentId"] },
  };
  const sel = (fields: string[]): Selection => new Map(fields.map((f) => [f, new Map()]));

  it("reads what the selected fields need, always the key, in the spec's order", () => {
    expect(projectionFor(spec, sel(["parent", "name"]))).toEqual(["id", "name", "parentId"]);
    expect(projectionFor(spec, sel([]))).toEqual(["id"]);
  });

  it("ignores fields it does not know: their names never reach the Cypher", () => {
    const projection = projectionFor(spec, sel(["name", "x}) DETACH DELETE n //", "__typename"]));
    expect(projection).toEqual(["id", "name"]);
    expect(mapProjection(spec, projection, "d")).toBe("d {id: d.id, name: d.name}");
    expect(mapProjection(spec, ["id", "evil: 1}"], "d")).toBe("d {id: d.id}");
  });

  it("reads everything without a selection", () => {
    expect(projectionFor(spec, undefined)).toEqual(["id", "name", "parentId"]);
  });

  it("reads what a field below a field needs (field.sub), only when selected", () => {
    const nested: ProjectionSpec = { ...spec, needs: { parent: ["parentId"], "parent.name": ["name"] } };
    const parentName: Selection = new Map([["parent", new Map([["name", new Map()]])]]);
    expect(projectionFor(nested, parentName)).toEqual(["id", "name", "parentId"]);
    expect(projectionFor(nested, sel(["parent"]))).toEqual(["id", "parentId"]);
    expect(projectionFor(nested, sel(["constructor", "toString"]))).toEqual(["id"]);
  });
});

describe("what the repositories read for a selection", () => {
  const itemSel = (q: string) => below(selectionOf(infoOf(q)), "reports", "shortcomings");

  it("reads an item's text and theme ids, not its provenance, for text and themes", () => {
    const projection = itemProjection(
      "Shortcoming",
      itemSel(`{ d { reports { shortcomings { text themes { id name } } } } }`),
    );
    expect(projection).toEqual(["id", "text", "__typename", "themeRefs"]);
    const cypher = itemFields("Shortcoming", "x", projection);
    expect(cypher).toContain("themeId: t.id");
    expect(cypher).not.toMatch(/documentId|sentenceStart|t\.name|reason/);
  });

  it("reads what the provenance and link fields need", () => {
    const projection = itemProjection(
      "Shortcoming",
      itemSel(`{ d { reports { shortcomings { evidence { quote } meeting { id } department { id } } } } }`),
    );
    expect(projection).toEqual([
      "id",
      "start",
      "end",
      "sentenceStart",
      "sentenceEnd",
      "documentId",
      "meetingId",
      "reportId",
      "__typename",
      "quote",
    ]);
  });

  it("reads a department's parent link only when its parent is asked", () => {
    const bare = departmentProjection(selectionOf(infoOf(`{ department(id: "x") { name } }`)));
    expect(departmentFields("d", bare)).not.toContain("PART_OF");
    const withParent = departmentProjection(selectionOf(infoOf(`{ department(id: "x") { parent { id } } }`)));
    expect(departmentFields("d", withParent)).toContain("PART_OF");
  });

  it("builds and sorts no department list for a recurrence that does not select it", () => {
    for (const build of [recurringShortcomingThemes, recurringShortcomingThemesAllTime]) {
      const lean = build({ departments: false, meetingCount: false });
      expect(lean).not.toContain("MATCH (d:Department");
      expect(lean).not.toContain("ThemeTally {themeId");
      expect(lean).not.toContain("ThemeTotal {themeId");
      const full = build({ departments: true, meetingCount: true });
      expect(full).toContain("MATCH (d:Department");
      expect(full).toMatch(/Theme(Tally|Total) \{themeId/);
    }
  });
});
