import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../paths";
import { schemaSdl } from "./schema";

it("schema/schema.graphql is the SDL the resolvers emit (run `npm run schema` after changing the API)", () => {
  const committed = readFileSync(join(projectRoot, "schema", "schema.graphql"), "utf8");
  expect(committed).toBe(schemaSdl());
});

it("keeps the names other tools rely on", () => {
  const sdl = schemaSdl();
  for (const fragment of [
    "interface Node {\n  id: ID!\n}",
    "node(id: ID!): Node",
    "departments(after: String, first: Int = 20, kind: DepartmentKind): DepartmentConnection!",
    "recurringShortcomingThemes(",
    "search(first: Int! = 10, query: String!): [SearchHit!]!",
    "themes: [PolicyTheme!]!",
  ]) {
    expect(sdl).toContain(fragment);
  }
});
