import "reflect-metadata";
import { parse } from "graphql";
import { graphqlSchema } from "./schema";
import { operationComplexity, SMALL_LIST_SIZE } from "./complexity";

const cost = (query: string, variables?: Record<string, unknown>) =>
  operationComplexity(graphqlSchema(), parse(query), variables, undefined);

describe("operationComplexity", () => {
  it("counts one per field", () => {
    expect(cost(`{ node(id: "x") { id } }`)).toBe(2);
  });

  it("multiplies a connection's selection by first (default 20), not its nodes again", () => {
    expect(cost(`{ departments(first: 10) { nodes { id name } } }`)).toBe(1 + 10 * (1 + 2));
    expect(cost(`{ departments { totalCount } }`)).toBe(1 + 20 * 1);
    expect(cost(`query($n: Int) { departments(first: $n) { totalCount } }`, { n: 7 })).toBe(1 + 7);
  });

  it("assumes small lists hold a few elements", () => {
    expect(cost(`{ themes { id } }`)).toBe(1 + SMALL_LIST_SIZE * 1);
  });

  it("grows exponentially with nested lists", () => {
    let deep = "id";
    for (let i = 0; i < 8; i++) deep = `reports { department { ${deep} } }`;
    expect(cost(`{ departments(first: 100) { nodes { ${deep} } } }`)).toBeGreaterThan(1e7);
  });
});
