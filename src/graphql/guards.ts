import { AppError, ErrorCode } from "../errors";
import { Context } from "./context";

/**
 * Lets a mutation through only for a curator: FORBIDDEN when mutations are disabled (no curator
 * token configured), UNAUTHENTICATED when the request lacks the right bearer token.
 */
export function requireCurator(ctx: Context): void {
  if (!ctx.caller.mutationsEnabled) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      "Mutations are disabled on this server: its operator has not set POLICYGRAPH_CURATOR_TOKEN.",
    );
  }
  if (!ctx.caller.curator) {
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      ctx.caller.presentedToken
        ? "The bearer token is not the curator token."
        : "Mutations need a curator: send Authorization: Bearer <curator token>.",
    );
  }
}
