import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { describeForLog, ErrorCode, normalise } from "../../platform/errors";
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

/**
 * GraphQL's side of the one error boundary: an AppError (thrown by a resolver, the context or a
 * plugin, or reported during validation, however Apollo wraps it) is answered by the shared
 * normaliser; graphql-js's and Apollo's own errors about the request keep their message; anything
 * else becomes INTERNAL_SERVER_ERROR (logged here, never a stack trace to the client).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { locations, path } = formatted;
  const code = formatted.extensions?.code;
  const normalised = normalise(
    code === "GRAPHQL_PARSE_FAILED" ? (tokenLimitRefusal(formatted.message) ?? original) : original,
  );
  if (!normalised.internal) {
    const [{ message, extensions }] = normalised.body.errors;
    return { message, locations, path, extensions };
  }
  if (typeof code === "string" && CLIENT_CODES.has(code)) {
    return { message: formatted.message, locations, path, extensions: { code } };
  }
  if (original instanceof GraphQLError && original.extensions?.code === undefined && !original.originalError) {
    // A GraphQLError raised by graphql-js itself while executing (e.g. a non-null field that got
    // null) describes the response, not our internals.
    return { message: formatted.message, locations, path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  console.error("[graphql] internal error:", describeForLog(original));
  return { message: normalised.message, locations, path, extensions: { code: normalised.code } };
}
