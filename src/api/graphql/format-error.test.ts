import { GraphQLError, locatedError } from "graphql";
import { AppError, ErrorCode } from "../../platform/errors";
import { formatError } from "./format-error";

describe("formatError", () => {
  it("keeps an AppError's code, message and extra fields", () => {
    const e = new AppError(ErrorCode.QUERY_TOO_COMPLEX, "too complex", { complexity: 9, limit: 1 });
    expect(formatError({ message: "x", extensions: { code: "X", stacktrace: ["at x"] } }, e)).toEqual({
      message: "too complex",
      locations: undefined,
      path: undefined,
      extensions: { code: "QUERY_TOO_COMPLEX", complexity: 9, limit: 1 },
    });
  });

  it("keeps the code of a plain AppError a resolver threw (graphql-js copies its extensions)", () => {
    const e = new AppError(ErrorCode.NOT_FOUND, 'no department has the id "x"');
    const located = locatedError(e, undefined, ["department"]);
    expect(located.extensions).toMatchObject({ code: "NOT_FOUND" });
    expect(
      formatError({ message: located.message, path: ["department"], extensions: located.extensions }, located),
    ).toEqual({
      message: 'no department has the id "x"',
      locations: undefined,
      path: ["department"],
      extensions: { code: "NOT_FOUND" },
    });
  });

  it("turns an unknown error into INTERNAL_SERVER_ERROR without details", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const e = new GraphQLError("boom", { originalError: new Error("secret detail at /srv/x.ts:1") });
    const out = formatError({ message: "secret detail", extensions: { stacktrace: ["at /srv/x.ts:1"] } }, e);
    expect(out).toEqual({
      message: "Internal server error",
      locations: undefined,
      path: undefined,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it("passes client errors of graphql-js through with their code only", () => {
    const out = formatError(
      { message: "Cannot query field", extensions: { code: "GRAPHQL_VALIDATION_FAILED", stacktrace: [] } },
      new GraphQLError("Cannot query field"),
    );
    expect(out.extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED" });
  });

  it("keeps the AppError behind a validation error, without the HTTP status it carries", () => {
    const limit = new AppError(ErrorCode.QUERY_TOO_COMPLEX, "too many aliases", {
      setting: "QUERY_MAX_ALIASES",
      limit: 15,
      http: { status: 400 },
    });
    // What Apollo Server makes of an error reported during validation.
    const wrapped = new GraphQLError(limit.message, {
      originalError: limit,
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    expect(formatError({ message: limit.message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }, wrapped)).toEqual(
      {
        message: "too many aliases",
        locations: undefined,
        path: undefined,
        extensions: { code: "QUERY_TOO_COMPLEX", setting: "QUERY_MAX_ALIASES", limit: 15 },
      },
    );
  });

  it("turns the parser's token limit into QUERY_TOO_COMPLEX and leaves other syntax errors alone", () => {
    const tokens = "Syntax Error: Document contains more that 800 tokens. Parsing aborted.";
    expect(
      formatError({ message: tokens, extensions: { code: "GRAPHQL_PARSE_FAILED" } }, new GraphQLError(tokens)),
    ).toMatchObject({
      extensions: { code: "QUERY_TOO_COMPLEX", setting: "QUERY_MAX_TOKENS", limit: 800 },
    });
    const other = 'Syntax Error: Expected Name, found "}".';
    expect(
      formatError({ message: other, extensions: { code: "GRAPHQL_PARSE_FAILED" } }, new GraphQLError(other)),
    ).toEqual({
      message: other,
      locations: undefined,
      path: undefined,
      extensions: { code: "GRAPHQL_PARSE_FAILED" },
    });
  });
});
