import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isInterfaceType } from "graphql";
import { projectRoot } from "../../platform/paths";
import { graphqlSchema, schemaSdl } from "./schema";

it("schema/schema.graphql is the SDL the resolvers emit (run `npm run schema` after changing the API)", () => {
  const committed = readFileSync(join(projectRoot, "schema", "schema.graphql"), "utf8");
  expect(committed).toBe(schemaSdl());
});

describe("the names other tools rely on", () => {
  const query = graphqlSchema().getQueryType()!.getFields();
  const signature = (field: string) =>
    Object.fromEntries(
      query[field].args.map((a) => [a.name, String(a.type)]).concat([["→", String(query[field].type)]]),
    );

  it.each([
    ["node", { id: "ID!", "→": "Node" }],
    [
      "departments",
      {
        first: "Int",
        after: "String",
        kind: "DepartmentKind",
        contains: "String",
        parentId: "ID",
        "→": "DepartmentConnection!",
      },
    ],
    [
      "meetings",
      { first: "Int", after: "String", from: "Date", to: "Date", kind: "MeetingKind", "→": "MeetingConnection!" },
    ],
    ["themes", { "→": "[PolicyTheme!]!" }],
    ["search", { query: "String!", first: "Int!", "→": "[SearchHit!]!" }],
  ])("%s", (field, expected) => {
    expect(signature(field)).toEqual(expected);
  });

  it.each(["shortcomings", "achievements", "directives"])("%s filters by theme, department and dates", (field) => {
    expect(signature(field)).toMatchObject({
      first: "Int",
      after: "String",
      themeId: "ID",
      departmentId: "ID",
      from: "Date",
      to: "Date",
    });
  });

  it("recurringShortcomingThemes takes minDepartments (default 2) and a window", () => {
    const f = query.recurringShortcomingThemes;
    expect(f.args.find((a) => a.name === "minDepartments")!.defaultValue).toBe(2);
    expect(signature("recurringShortcomingThemes")).toMatchObject({
      from: "Date",
      to: "Date",
      "→": "[ThemeRecurrence!]!",
    });
  });

  it("every entity type implements Node, and so does a curator's correction", () => {
    const node = graphqlSchema().getType("Node");
    expect(isInterfaceType(node)).toBe(true);
    const implementations = graphqlSchema()
      .getImplementations(node as never)
      .objects.map((t) => t.name)
      .sort();
    expect(implementations).toEqual(
      [
        "Achievement",
        "Correction",
        "Department",
        "Directive",
        "Document",
        "Meeting",
        "Person",
        "PolicyTheme",
        "Report",
        "Shortcoming",
      ].sort(),
    );
  });
});
