import { ArgsType, Field, Int } from "type-graphql";
import { badInput } from "../../platform/errors";
import { checkWindow, DateScalar } from "./date.scalar";

/** The most entries `last` may ask of a list that grows with history. */
export const MAX_LAST = 1000;

/** Bounds on a plain list that grows with every meeting: a date window and the newest N. */
@ArgsType()
export class HistoryArgs {
  @Field(() => DateScalar, { nullable: true, description: "Only those of meetings on or after this date." })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only those of meetings on or before this date." })
  to?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Only the newest N (0 to ${MAX_LAST}), still newest first; all when unset.`,
  })
  last?: number | null;
}

/** A validated history window, built in a fixed key order: it is part of a loader's batch key. */
export interface History {
  from: string | null;
  to: string | null;
  last: number | null;
}

/** Validates history arguments; undefined when they bound nothing (the list is read whole). */
export function historyOf(args: HistoryArgs): History | undefined {
  checkWindow(args.from, args.to);
  const last = args.last ?? null;
  if (last !== null && (!Number.isInteger(last) || last < 0 || last > MAX_LAST)) {
    throw badInput(`"last" must be between 0 and ${MAX_LAST}, got ${last}`, { argument: "last" });
  }
  const history = { from: args.from ?? null, to: args.to ?? null, last };
  return history.from === null && history.to === null && last === null ? undefined : history;
}
