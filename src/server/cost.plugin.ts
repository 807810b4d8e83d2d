import { ApolloServerPlugin } from "@apollo/server";
import { AppError, ErrorCode } from "../errors";
import { Context } from "../graphql/context";
import { operationComplexity } from "./complexity";

/**
 * Refuses operations over the complexity limit before any resolver (so any Cypher) runs, and
 * reports every operation's cost in `extensions.cost = { complexity, limit, dbRoundTrips }`.
 */
export function costPlugin(limit: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let complexity = 0;
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          complexity = operationComplexity(schema, document, request.variables, operationName ?? undefined) ?? 0;
          if (complexity > limit) {
            throw new AppError(
              ErrorCode.QUERY_TOO_COMPLEX,
              `The query is too complex: ${complexity} exceeds the limit of ${limit}. Ask for smaller pages (first) or fewer nested lists.`,
              { complexity, limit },
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            cost: { complexity, limit, dbRoundTrips: contextValue.db?.roundTrips ?? 0 },
          };
        },
      };
    },
  };
}
