import { ERROR_MESSAGES, ErrorCode, HTTP_STATUS } from "./codes";

/**
 * An error whose message is safe to show to API clients, with its code. A plain Error: graphql-js
 * copies an originalError's `extensions` onto the GraphQLError it wraps it in, so a resolver's
 * AppError keeps its code. `extensions.http = { status }` asks for that HTTP status (GraphQL's
 * own convention, which the HTTP routes share); it is never shown to clients.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, message: string = ERROR_MESSAGES[code], extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.extensions = { ...extensions, code };
  }
}

export const badInput = (message: string, extensions?: Record<string, unknown>) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, extensions);
export const notFound = (message: string) => new AppError(ErrorCode.NOT_FOUND, message);
/** The database cannot answer now (unreachable, paused, past the request's deadline): HTTP 503. */
export const databaseUnavailable = (message = ERROR_MESSAGES.DATABASE_UNAVAILABLE) =>
  new AppError(ErrorCode.DATABASE_UNAVAILABLE, message, { http: { status: HTTP_STATUS.DATABASE_UNAVAILABLE } });
