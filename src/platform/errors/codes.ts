// The API's error vocabulary, shared by the server, the CLI and the explorer (which bundles this
// file for the browser): it imports nothing, so every one of them can.

/** Error codes of the API; DESIGN.md fixes these names. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Every code, in DESIGN.md's order. */
export const ERROR_CODES: readonly ErrorCode[] = Object.values(ErrorCode);

/** True when `value` is one of the API's error codes. */
export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);

/**
 * The HTTP status of a response that is wholly this error (an HTTP route's refusal, a GraphQL
 * request refused before it runs). A GraphQL field error leaves the status to GraphQL (200 with
 * partial data) unless its error asks for one: DATABASE_UNAVAILABLE always does.
 */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  QUERY_TOO_COMPLEX: 400,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * The `policygraph` CLI's exit status when a command ends on this error: 2 for a fault of the
 * input or usage, 3 when the database cannot be reached, 1 otherwise (1 is also "some inputs
 * failed", which is no single error).
 */
export const EXIT_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 2,
  NOT_FOUND: 2,
  UNAUTHENTICATED: 2,
  FORBIDDEN: 2,
  QUERY_TOO_COMPLEX: 2,
  DATABASE_UNAVAILABLE: 3,
  INTERNAL_SERVER_ERROR: 1,
};

/** What an error of this code says when nothing more particular is known. */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  BAD_USER_INPUT: "The request is not valid.",
  NOT_FOUND: "Not found.",
  UNAUTHENTICATED: "A read token is required: send Authorization: Bearer <token>.",
  FORBIDDEN: "The request is not allowed.",
  QUERY_TOO_COMPLEX: "The query is too complex.",
  DATABASE_UNAVAILABLE: "The graph database is unavailable; try again shortly.",
  // No full stop: the GraphQL and HTTP answers have always said exactly this.
  INTERNAL_SERVER_ERROR: "Internal server error",
};

/**
 * The code of a response that carries none, from its HTTP status: a client error's own code,
 * 503 DATABASE_UNAVAILABLE, anything else INTERNAL_SERVER_ERROR.
 */
export function codeOfStatus(status: number): ErrorCode {
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 503) return ErrorCode.DATABASE_UNAVAILABLE;
  if (status >= 400 && status < 500) return ErrorCode.BAD_USER_INPUT;
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

/** One error of an answer: its message and `extensions.code` (plus what the code's error adds). */
export interface ErrorEntry {
  message: string;
  extensions: { code: ErrorCode | string; [key: string]: unknown };
}

/** The one JSON error shape of every route, GraphQL's: `{ errors: [{ message, extensions: { code } }] }`. */
export interface ErrorBody {
  errors: ErrorEntry[];
}
