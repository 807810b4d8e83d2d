import { ErrorCode, EXIT_STATUS } from "../platform/errors";

/**
 * The exit statuses of every command (README, src/cli/README.md), taken from the error module's
 * table so the CLI and the API name their failures alike.
 */
export const EXIT = {
  OK: 0,
  /** Some inputs failed (each said on its own line), or the command failed for a reason not ours. */
  FAILED: EXIT_STATUS[ErrorCode.INTERNAL_SERVER_ERROR],
  /** Bad usage or input: BAD_USER_INPUT's status. */
  BAD_INPUT: EXIT_STATUS[ErrorCode.BAD_USER_INPUT],
  /** The database cannot be reached: DATABASE_UNAVAILABLE's status. */
  UNAVAILABLE: EXIT_STATUS[ErrorCode.DATABASE_UNAVAILABLE],
} as const;
