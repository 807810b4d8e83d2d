import { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import { AppError } from "../../platform/errors";
import { Context } from "./context";
import { estimateOperation, OperationEstimate } from "./complexity";
import { tooComplex } from "./document-limits";

/** The limits this plugin enforces. */
export interface CostLimits {
  complexity: number;
  roundTrips: number;
}

/**
 * Refuses operations over the complexity or round-trip limit before any resolver (so any Cypher)
 * runs, and any operation whose cost cannot be estimated: an estimate that fails must never let a
 * query through as free. Reports every operation's cost in
 * `extensions.cost = { complexity, limit, dbRoundTrips }`.
 */
export function costPlugin(limits: CostLimits): ApolloServerPlugin<Context> {
  const limit = limits.complexity;
  return {
    async requestDidStart() {
      let complexity = 0;
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          // No operation to run (an unknown operationName): execution answers that, nothing runs.
          if (!operation) return;
          let estimate: OperationEstimate;
          try {
            estimate = estimateOperation(schema, document, operation, request.variables);
          } catch (e) {
            if (e instanceof AppError) throw e;
            // graphql-query-complexity's own errors describe the query; anything else stays unsaid.
            const why = e instanceof GraphQLError ? ` (${e.message})` : "";
            throw tooComplex(`its cost could not be estimated${why}; ask for fewer fields`, "complexity", limit);
          }
          complexity = estimate.complexity;
          if (complexity > limit) {
            throw tooComplex(
              `${complexity} exceeds the limit of ${limit}; ask for smaller pages (first) or fewer nested lists`,
              "complexity",
              limit,
              { complexity },
            );
          }
          if (estimate.roundTrips > limits.roundTrips) {
            throw tooComplex(
              `its ${estimate.roundTrips} root fields need at least as many database round trips, over the limit of ${limits.roundTrips}`,
              "roundTrips",
              limits.roundTrips,
              { roundTrips: estimate.roundTrips },
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
