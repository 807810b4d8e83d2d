import { GraphQLError } from "graphql";

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

/** An error whose message is safe to show to API clients, with its code. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = "AppError";
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const badInput = (message: string, extensions?: Record<string, unknown>) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, extensions);
export const notFound = (message: string) => new AppError(ErrorCode.NOT_FOUND, message);
/** The database cannot answer now (unreachable, paused, past the request's deadline): HTTP 503. */
export const databaseUnavailable = (message = "The graph database is unavailable; try again shortly.") =>
  new AppError(ErrorCode.DATABASE_UNAVAILABLE, message, { http: { status: 503 } });
