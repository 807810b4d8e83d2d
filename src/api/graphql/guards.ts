import { AppError, ErrorCode } from "../../platform/errors";
import { Context } from "./context";

/**
 * Lets a mutation through only for a curator: FORBIDDEN when mutations are disabled (no curator
 * token configured), UNAUTHENTICATED when the request lacks a curator's bearer token. Returns the
 * curator's name, which signs what the mutation changes.
 */
export function requireCurator(ctx: Context): string {
  if (!ctx.caller.mutationsEnabled) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      "Mutations are disabled on this server: its operator has set neither POLICYGRAPH_CURATOR_TOKEN nor POLICYGRAPH_CURATOR_TOKENS.",
    );
  }
  if (!ctx.caller.curator || ctx.caller.curatorName === null) {
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      ctx.caller.presentedToken
        ? "The bearer token is not a curator token."
        : "Mutations need a curator: send Authorization: Bearer <curator token>.",
    );
  }
  return ctx.caller.curatorName;
}
