import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, ValidationRule } from "graphql";
import { loadConfig, QueryLimits } from "../../platform/config";
import { AppError } from "../../platform/errors";
import { projectRoot } from "../../platform/paths";
import { estimateOperation } from "./complexity";
import { documentLimitsRule, parseOptions, tokenLimitRefusal } from "./document-limits";
import { graphqlSchema } from "../schema/schema";

const DEFAULTS = loadConfig({}).limits;
const schema = graphqlSchema();

// As Apollo Server runs them: graphql-js's own rules first, then ours.
const check = (query: string, limits: QueryLimits = DEFAULTS) => timed(query, limits).errors;
// Validation alone, with a last rule that counts the fields validation still walks: what a refused
// document costs after parsing, counted rather than timed (a timing fails on a busy machine).
function timed(query: string, limits: QueryLimits = DEFAULTS) {
  const document = parse(query, { maxTokens: 1e6 });
  let fieldsWalked = 0;
  const counter: ValidationRule = () => ({ Field: () => void fieldsWalked++ });
  const errors = validate(schema, document, [...specifiedRules, documentLimitsRule(limits), counter]);
  return { errors, fieldsWalked };
}
// Validation reports GraphQLErrors: the refusal is the AppError one of them wraps.
const refusal = (errors: readonly GraphQLError[]) =>
  errors.map((e) => e.originalError).find((e) => e instanceof AppError) as AppError | undefined;

describe("documentLimitsRule", () => {
  it.each([
    ["aliases", `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: themes { id }`).join(" ")} }`, "QUERY_MAX_ALIASES"],
    ["depth", `{ themes { ${"children { ".repeat(10)} id ${"} ".repeat(10)} } }`, "QUERY_MAX_DEPTH"],
    ["directives", `{ themes { ${"id @include(if: true) ".repeat(21)} } }`, "QUERY_MAX_DIRECTIVES"],
    [
      "cost",
      `{ departments(first: 100) { nodes { ${"reports { meeting { reports { id } } } ".repeat(1)} id name } } }`,
      "QUERY_MAX_COST",
    ],
  ])("refuses a document over the %s limit with QUERY_TOO_COMPLEX and the setting to change", (_, query, setting) => {
    const limits = { ...DEFAULTS, cost: 2_000, directives: 20 };
    const errors = check(query, limits);
    const e = refusal(errors);
    expect(e?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", setting });
    expect(e?.message).toMatch(/^The query is too complex: /);
  });

  it("lets through what is under every limit, __typename aliases not counted", () => {
    const typenames = Array.from({ length: 40 }, (_, i) => `t${i}: __typename`).join(" ");
    expect(check(`{ themes { id name children { id } } ${typenames} }`)).toEqual([]);
  });

  it("stops validating a refused document, so graphql-js's quadratic checks never see it", () => {
    // 2,000 same-named fields take graphql-js's overlapping-fields rule seconds; over the alias
    // limit, the document is refused before that rule reaches them.
    const heavy = `{ themes { ${"id ".repeat(2_000)} } ${Array.from({ length: 16 }, (_, i) => `a${i}: themes { id }`).join(" ")} }`;
    const { errors, fieldsWalked } = timed(heavy, { ...DEFAULTS, cost: 1e9 });
    expect(errors).toHaveLength(1);
    expect(refusal(errors)?.extensions.setting).toBe("QUERY_MAX_ALIASES");
    expect(fieldsWalked).toBeLessThan(20);
    // a document of that shape under the limits is walked whole (smaller: the walk itself is quadratic)
    const light = heavy.replace("id ".repeat(2_000), "id ".repeat(200));
    expect(timed(light, { ...DEFAULTS, aliases: 100, cost: 1e9 }).fieldsWalked).toBeGreaterThan(200);
  });

  it("also refuses a fragment defined before the operation that spreads it", () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(" ");
    const { errors, fieldsWalked } = timed(
      `fragment F on PolicyTheme { ${aliases} ${"id ".repeat(2_000)} } { themes { ...F } }`,
    );
    expect(fieldsWalked).toBeLessThan(20);
    expect(errors).toHaveLength(1);
    expect(refusal(errors)?.extensions.setting).toBe("QUERY_MAX_ALIASES");
  });
});

describe("the token limit", () => {
  it("stops the parser and becomes QUERY_TOO_COMPLEX", () => {
    let message = "";
    try {
      parse(`{ ${"__typename ".repeat(50_000)} }`, parseOptions(DEFAULTS));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(tokenLimitRefusal(message)?.extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      setting: "QUERY_MAX_TOKENS",
      limit: DEFAULTS.tokens,
    });
    expect(tokenLimitRefusal('Syntax Error: Expected Name, found "}".')).toBeUndefined();
  });
});

describe("the default limits", () => {
  const dir = join(projectRoot, "examples");
  const examples = readdirSync(dir).filter((f) => f.endsWith(".graphql"));

  it.each(examples)("let examples/%s through every limit", (file) => {
    const config = loadConfig({});
    const document = parse(readFileSync(join(dir, file), "utf8"), parseOptions(config.limits));
    expect(validate(schema, document, [...specifiedRules, documentLimitsRule(config.limits)])).toEqual([]);
    const estimate = estimateOperation(schema, document, getOperationAST(document)!, {});
    expect(estimate.complexity).toBeLessThanOrEqual(config.complexityLimit);
    expect(estimate.roundTrips).toBeLessThanOrEqual(config.limits.roundTrips);
  });
});
