import { AppError, badInput, databaseUnavailable, notFound } from "./app-error";
import { codeOfStatus, ERROR_CODES, ERROR_MESSAGES, ErrorCode, EXIT_STATUS, HTTP_STATUS, isErrorCode } from "./codes";
import { normalise, toErrorBody } from "./normalise";

const INTERNAL = {
  status: 500,
  code: "INTERNAL_SERVER_ERROR",
  message: "Internal server error",
  body: { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] },
  internal: true,
};

describe("the error codes", () => {
  it("are DESIGN.md's, each with an HTTP status, a CLI exit status and a message", () => {
    expect(ERROR_CODES).toEqual([
      "BAD_USER_INPUT",
      "NOT_FOUND",
      "UNAUTHENTICATED",
      "FORBIDDEN",
      "QUERY_TOO_COMPLEX",
      "DATABASE_UNAVAILABLE",
      "INTERNAL_SERVER_ERROR",
    ]);
    expect(ERROR_CODES.map((c) => [c, HTTP_STATUS[c], EXIT_STATUS[c]])).toEqual([
      ["BAD_USER_INPUT", 400, 2],
      ["NOT_FOUND", 404, 2],
      ["UNAUTHENTICATED", 401, 2],
      ["FORBIDDEN", 403, 2],
      ["QUERY_TOO_COMPLEX", 400, 2],
      ["DATABASE_UNAVAILABLE", 503, 3],
      ["INTERNAL_SERVER_ERROR", 500, 1],
    ]);
    for (const code of ERROR_CODES) expect(ERROR_MESSAGES[code]).toMatch(/\S/);
    expect([isErrorCode("NOT_FOUND"), isErrorCode("GRAPHQL_PARSE_FAILED"), isErrorCode(undefined)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("are told from a status when an answer carries none", () => {
    expect([400, 401, 403, 404, 413, 500, 502, 503].map(codeOfStatus)).toEqual([
      "BAD_USER_INPUT",
      "UNAUTHENTICATED",
      "FORBIDDEN",
      "NOT_FOUND",
      "BAD_USER_INPUT",
      "INTERNAL_SERVER_ERROR",
      "INTERNAL_SERVER_ERROR",
      "DATABASE_UNAVAILABLE",
    ]);
  });
});

describe("normalise", () => {
  it.each(ERROR_CODES.map((c) => [c]))("keeps %s: its message, its status, and the one JSON shape", (code) => {
    const out = normalise(new AppError(code, `a ${code} error`));
    expect(out).toEqual({
      status: HTTP_STATUS[code],
      code,
      message: `a ${code} error`,
      body: { errors: [{ message: `a ${code} error`, extensions: { code } }] },
      internal: false,
    });
  });

  it("gives an AppError without a message its code's message", () => {
    expect(normalise(new AppError(ErrorCode.DATABASE_UNAVAILABLE)).message).toBe(
      "The graph database is unavailable; try again shortly.",
    );
  });

  it("keeps extra extensions after the code, honours and hides `http`", () => {
    const e = badInput("after is not a cursor", { argument: "after", http: { status: 413 } });
    const out = normalise(e);
    expect(out.status).toBe(413);
    expect(JSON.stringify(out.body)).toBe(
      '{"errors":[{"message":"after is not a cursor","extensions":{"code":"BAD_USER_INPUT","argument":"after"}}]}',
    );
    expect(normalise(databaseUnavailable()).status).toBe(503);
    // A status that is not an error's is ignored, not answered.
    expect(normalise(new AppError(ErrorCode.NOT_FOUND, "x", { http: { status: 200 } })).status).toBe(404);
  });

  it("finds the AppError inside the wrappers graphql-js and Error.cause put around it", () => {
    const inner = notFound("no such department");
    const wrapped = Object.assign(new Error("wrapper"), { originalError: inner });
    const caused = new Error("outer", { cause: wrapped });
    expect(toErrorBody(caused)).toEqual({
      errors: [{ message: "no such department", extensions: { code: "NOT_FOUND" } }],
    });
  });

  it("turns any other Error into INTERNAL_SERVER_ERROR, without its message or stack", () => {
    const e = new Error("secret at /srv/app.ts:12");
    const out = normalise(e);
    expect(out).toEqual(INTERNAL);
    expect(JSON.stringify(out)).not.toMatch(/secret|srv|at /);
    expect(normalise(new TypeError("x is undefined"))).toEqual(INTERNAL);
  });

  it.each([["a string"], [42], [null], [undefined], [{ code: "NOT_FOUND", message: "not an AppError" }], [[]]])(
    "turns the non-Error value %p into INTERNAL_SERVER_ERROR",
    (value) => {
      expect(normalise(value)).toEqual(INTERNAL);
    },
  );

  it("never throws, even for an error whose properties throw when read", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
        getPrototypeOf() {
          throw new Error("boom");
        },
      },
    );
    expect(normalise(hostile)).toEqual(INTERNAL);
    const appError = new AppError(ErrorCode.BAD_USER_INPUT, "x");
    Object.defineProperty(appError, "extensions", {
      get() {
        throw new Error("boom");
      },
    });
    expect(normalise(appError)).toEqual(INTERNAL);
    const cyclic: { originalError?: unknown } = {};
    cyclic.originalError = cyclic;
    expect(normalise(cyclic)).toEqual(INTERNAL);
  });
});
