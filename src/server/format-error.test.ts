import { GraphQLError } from "graphql";
import { AppError, ErrorCode } from "../errors";
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
});
