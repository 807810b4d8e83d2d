import "reflect-metadata";
import { getOperationAST, parse } from "graphql";
import { graphqlSchema } from "../schema/schema";
import { estimateOperation, operationComplexity, ROUND_TRIP_COST, SMALL_LIST_SIZE } from "./complexity";

const cost = (query: string, variables?: Record<string, unknown>) =>
  operationComplexity(graphqlSchema(), parse(query), variables, undefined);
const estimate = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query, { maxTokens: 1e6 });
  return estimateOperation(graphqlSchema(), document, getOperationAST(document)!, variables);
};
const R = ROUND_TRIP_COST;

describe("operationComplexity", () => {
  it("counts one per field, and a round trip per root field", () => {
    expect(cost(`{ node(id: "x") { id } }`)).toBe(R + 2);
    expect(cost(`{ node(id: "x") { id } __typename }`)).toBe(R + 2 + 1);
  });

  it("multiplies a connection's selection by first (default 20), not its nodes again", () => {
    expect(cost(`{ departments(first: 10) { nodes { id name } } }`)).toBe(R + 1 + 10 * (1 + 2));
    expect(cost(`{ departments { totalCount } }`)).toBe(R + 1 + 20 * 1);
    expect(cost(`query($n: Int) { departments(first: $n) { totalCount } }`, { n: 7 })).toBe(R + 1 + 7);
  });

  it("assumes small lists hold a few elements", () => {
    expect(cost(`{ themes { id } }`)).toBe(R + 1 + SMALL_LIST_SIZE * 1);
  });

  it("makes a thousand aliased cheap root fields cost a thousand round trips", () => {
    const aliased = Array.from({ length: 1000 }, (_, i) => `a${i}: recurringShortcomingThemes { departmentCount }`);
    expect(cost(`{ ${aliased.join(" ")} }`)).toBeGreaterThan(1000 * R);
  });

  it("grows exponentially with nested lists", () => {
    let deep = "id";
    for (let i = 0; i < 8; i++) deep = `reports { department { ${deep} } }`;
    expect(cost(`{ departments(first: 100) { nodes { ${deep} } } }`)).toBeGreaterThan(1e7);
  });
});

describe("estimateOperation", () => {
  it("counts the root fields that run Cypher as the least number of round trips", () => {
    expect(estimate(`{ themes { id } departments { totalCount } a: themes { name } __typename }`).roundTrips).toBe(3);
    expect(estimate(`query { ...Q } fragment Q on Query { themes { id } meetings { totalCount } }`).roundTrips).toBe(2);
  });

  it("refuses invalid variables as execution would, with BAD_USER_INPUT", () => {
    expect(() => estimate(`query($n: Int!) { departments(first: $n) { totalCount } }`, {})).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT" }),
    );
  });

  it("throws, rather than answering 0, when a document is too large to estimate", () => {
    const costly = `shortcomings(first: 100) { nodes { report { meeting { reports { shortcomings { themes { children { id } } } } } } } }`;
    expect(() => estimate(`{ ${costly} ${"__typename ".repeat(10_000)} }`)).toThrow();
  });
});
