import {
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLSchema,
  isListType,
  OperationDefinitionNode,
  getVariableValues,
} from "graphql";
import { ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { badInput } from "../../platform/errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./connection";

/** How many elements a plain list (a meeting's reports, an item's themes …) is assumed to hold. */
export const SMALL_LIST_SIZE = 5;

/**
 * What a root field costs on top of its selection: each runs its own Cypher, and a round trip
 * costs the service about as much as a hundred fields of answer (so a thousand aliased cheap root
 * fields are refused, not a thousand round trips made).
 */
export const ROUND_TRIP_COST = 100;

const isMeta = (name: string) => name.startsWith("__");

/**
 * Cost of a field: 1 plus its selection, times the number of elements it can return. A field with
 * a `first` argument returns up to `first` elements; a plain list is assumed small; the `nodes` and
 * `edges` of a connection are already counted by the connection's `first`. A root field adds its
 * round trip.
 */
export const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const root = isRootType(type.name) && !isMeta(field.name) ? ROUND_TRIP_COST : 0;
  const inConnection = getNamedType(type).name.endsWith("Connection");
  if (typeof args.first === "number" || "first" in args) {
    const first = Math.min(Math.max(Number(args.first ?? DEFAULT_PAGE_SIZE), 0), MAX_PAGE_SIZE);
    return root + 1 + Math.max(first, 1) * childComplexity;
  }
  if (!inConnection && isListType(getNullableType(field.type))) return root + 1 + SMALL_LIST_SIZE * childComplexity;
  return root + 1 + childComplexity;
};

const isRootType = (name: string) => name === "Query" || name === "Mutation";

// Counts the root fields that run Cypher: each is at least one round trip.
const rootFields: ComplexityEstimator = ({ type, field }) => (isRootType(type.name) && !isMeta(field.name) ? 1 : 0);

/** What an operation is estimated to cost, before it runs. */
export interface OperationEstimate {
  complexity: number;
  /** Root fields that run Cypher: a lower bound of the operation's round trips. */
  roundTrips: number;
}

/**
 * Estimates an operation. Throws BAD_USER_INPUT when its variables are invalid (what execution
 * would say), and any other error when it cannot be estimated: the caller must then refuse it.
 */
export function estimateOperation(
  schema: GraphQLSchema,
  query: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): OperationEstimate {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) throw badInput(coerced.errors.map((e) => e.message).join("; "), { http: { status: 400 } });
  const operationName = operation.name?.value;
  const options = { schema, query, variables, operationName };
  return {
    complexity: getComplexity({ ...options, estimators: [estimator] }),
    roundTrips: getComplexity({ ...options, estimators: [rootFields] }),
  };
}

/** The complexity of a document's only (or named) operation; throws when it cannot be estimated. */
export function operationComplexity(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  return getComplexity({ schema, query, variables, operationName, estimators: [estimator] });
}
