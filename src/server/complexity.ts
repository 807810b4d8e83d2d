import { getNamedType, getNullableType, GraphQLSchema, isListType, DocumentNode } from "graphql";
import { ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../graphql/connection";

/** How many elements a plain list (a meeting's reports, an item's themes …) is assumed to hold. */
export const SMALL_LIST_SIZE = 5;

/**
 * Cost of a field: 1 plus its selection, times the number of elements it can return. A field with
 * a `first` argument returns up to `first` elements; a plain list is assumed small; the `nodes` and
 * `edges` of a connection are already counted by the connection's `first`.
 */
export const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const inConnection = getNamedType(type).name.endsWith("Connection");
  if (typeof args.first === "number" || "first" in args) {
    const first = Math.min(Math.max(Number(args.first ?? DEFAULT_PAGE_SIZE), 0), MAX_PAGE_SIZE);
    return 1 + Math.max(first, 1) * childComplexity;
  }
  if (!inConnection && isListType(getNullableType(field.type))) return 1 + SMALL_LIST_SIZE * childComplexity;
  return 1 + childComplexity;
};

/** The complexity of an operation, or undefined when its variables are invalid (execution reports that). */
export function operationComplexity(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number | undefined {
  try {
    return getComplexity({ schema, query, variables, operationName, estimators: [estimator] });
  } catch {
    return undefined;
  }
}
