import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import type { GraphQLArmorCallbackConfiguration } from "@escape.tech/graphql-armor-types";
import { ASTVisitor, GraphQLError, ParseOptions, validate, ValidationContext, ValidationRule } from "graphql";
import { QueryLimits } from "../../platform/config";
import { AppError, ErrorCode } from "../../platform/errors";

/** The environment variable that sets each limit, named in refusals (`extensions.setting`). */
export const LIMIT_SETTINGS = {
  tokens: "QUERY_MAX_TOKENS",
  aliases: "QUERY_MAX_ALIASES",
  depth: "QUERY_MAX_DEPTH",
  directives: "QUERY_MAX_DIRECTIVES",
  cost: "QUERY_MAX_COST",
  roundTrips: "QUERY_MAX_ROUND_TRIPS",
  complexity: "QUERY_COMPLEXITY_LIMIT",
} as const;

// graphql-js 16 words it "more that N tokens"; a later release may mend the typo.
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/** graphql-js's parser stops reading a document at `tokens` tokens, so a huge one costs no more than a small one. */
export function parseOptions(limits: Pick<QueryLimits, "tokens">): ParseOptions {
  return { maxTokens: limits.tokens };
}

/**
 * QUERY_TOO_COMPLEX for graphql-js's "more than N tokens" syntax error (Apollo reports it as
 * GRAPHQL_PARSE_FAILED); undefined for any other error.
 */
export function tokenLimitRefusal(message: string): AppError | undefined {
  const m = TOKEN_LIMIT.exec(message);
  if (!m) return undefined;
  return tooComplex(`it has more than ${m[1]} tokens`, "tokens", Number(m[1]));
}

/** QUERY_TOO_COMPLEX, HTTP 400, naming the setting of the limit that was exceeded. */
export function tooComplex(
  what: string,
  setting: keyof typeof LIMIT_SETTINGS,
  limit: number,
  extensions: Record<string, unknown> = {},
): AppError {
  return new AppError(ErrorCode.QUERY_TOO_COMPLEX, `The query is too complex: ${what}.`, {
    ...extensions,
    setting: LIMIT_SETTINGS[setting],
    limit,
    http: { status: 400 },
  });
}

// Validation reports GraphQLErrors only; graphql-js copies the AppError's extensions (its code)
// onto the wrapper, and the AppError stays its originalError for formatError.
const reportable = (error: AppError) => new GraphQLError(error.message, { originalError: error });

// graphql-armor reports through these callbacks instead of throwing (a throw inside validation
// would be a 500); its messages carry a "Syntax Error: " prefix that is not true here.
function reporting(limit: keyof typeof LIMIT_SETTINGS, max: number): GraphQLArmorCallbackConfiguration {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          reportable(tooComplex(error.message.replace(/^Syntax Error:\s*/, "").replace(/\.$/, ""), limit, max)),
        ),
    ],
  };
}

/**
 * A validation rule that applies graphql-armor's alias, depth, directive and cost limits to the
 * whole document first and, when one is exceeded, ends validation there: graphql-js's own rules
 * would otherwise still run over the refused document, and the overlapping-fields check is
 * quadratic in the number of same-named fields.
 */
export function documentLimitsRule(limits: QueryLimits): ValidationRule {
  const armor: ValidationRule[] = [
    maxAliasesRule({ n: limits.aliases, ...reporting("aliases", limits.aliases) }),
    maxDepthRule({ n: limits.depth, ...reporting("depth", limits.depth) }),
    maxDirectivesRule({ n: limits.directives, ...reporting("directives", limits.directives) }),
    costLimitRule({ maxCost: limits.cost, ...reporting("cost", limits.cost) }),
  ];
  return (context: ValidationContext): ASTVisitor => ({
    Document: {
      enter(document) {
        const refusals = validate(context.getSchema(), document, armor);
        if (refusals.length === 0) return undefined;
        for (const refusal of refusals) context.reportError(refusal);
        // A non-node value from an enter hook removes the node for every rule run in parallel
        // with this one (graphql-js visitInParallel/visit): nothing below the root is visited.
        return null;
      },
    },
  });
}
