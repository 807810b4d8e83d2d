import { GraphQLScalarType, Kind } from "graphql";
import { badInput } from "../../platform/errors";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().startsWith(value);
}

function parse(value: unknown): string {
  if (typeof value !== "string" || !isIsoDate(value)) {
    throw badInput(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A calendar date without time zone, written YYYY-MM-DD (e.g. 2022-03-31). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar date without time zone, written YYYY-MM-DD (e.g. 2022-03-31).",
  serialize: (value) => String(value).slice(0, 10),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Refuses a window whose start lies after its end. */
export function checkWindow(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) throw badInput(`the window is empty: from ${from} is after to ${to}`);
}
