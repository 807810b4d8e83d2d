import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { AppError, ErrorCode } from "../../platform/errors";
import { tokenLimitRefusal } from "./document-limits";

// Codes whose messages describe the client's own request and are safe to return as they are.
const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

// The AppError behind an error: thrown by a resolver, by the context, or reported during
// validation (Apollo wraps those in its own GRAPHQL_VALIDATION_FAILED error).
function appErrorOf(error: unknown, formatted: GraphQLFormattedError): AppError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof AppError) return original.originalError;
  if (formatted.extensions?.code === "GRAPHQL_PARSE_FAILED") return tokenLimitRefusal(formatted.message);
  return undefined;
}

/**
 * The one boundary where errors become API errors: known ones keep their code and message,
 * anything else becomes INTERNAL_SERVER_ERROR (logged here, never a stack trace to the client).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { locations, path } = formatted;
  const known = appErrorOf(error, formatted);
  if (known) {
    // `http` sets the response's status (Apollo reads it from the error itself), not for clients.
    const { code, http: _http, ...rest } = known.extensions;
    return { message: known.message, locations, path, extensions: { code, ...rest } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === "string" && CLIENT_CODES.has(code)) {
    return { message: formatted.message, locations, path, extensions: { code } };
  }
  if (original instanceof GraphQLError && original.extensions?.code === undefined && !original.originalError) {
    // A GraphQLError raised by graphql-js itself while executing (e.g. a non-null field that got
    // null) describes the response, not our internals.
    return { message: formatted.message, locations, path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  console.error(
    "[graphql] internal error:",
    original instanceof Error ? (original.stack ?? original.message) : original,
  );
  return { message: "Internal server error", locations, path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
