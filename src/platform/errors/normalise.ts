import { AppError } from "./app-error";
import { ERROR_MESSAGES, ErrorBody, ErrorCode, HTTP_STATUS, isErrorCode } from "./codes";

/** An error as every boundary (GraphQL, HTTP, linked data) answers it. */
export interface NormalisedError {
  /** The HTTP status of an answer that is wholly this error. */
  status: number;
  code: ErrorCode;
  message: string;
  /** `{ errors: [{ message, extensions: { code, ... } }] }`, without `http` or a stack. */
  body: ErrorBody;
  /** Not one of ours: the body says only "Internal server error", and the caller logs the error. */
  internal: boolean;
}

// How far to look through wrappers (GraphQLError.originalError, Error.cause) for an AppError.
const MAX_DEPTH = 8;

function appErrorIn(error: unknown): AppError | undefined {
  let current = error;
  for (let depth = 0; depth < MAX_DEPTH && typeof current === "object" && current !== null; depth++) {
    if (current instanceof AppError) return current;
    const wrapper = current as { originalError?: unknown; cause?: unknown };
    current = wrapper.originalError ?? wrapper.cause;
  }
  return undefined;
}

const isStatus = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 400 && value <= 599;

const internalError = (): NormalisedError => {
  const code = ErrorCode.INTERNAL_SERVER_ERROR;
  const message = ERROR_MESSAGES[code];
  return {
    status: HTTP_STATUS[code],
    code,
    message,
    body: { errors: [{ message, extensions: { code } }] },
    internal: true,
  };
};

function known(error: AppError): NormalisedError | undefined {
  const code = error.code;
  if (!isErrorCode(code)) return undefined;
  // `http` sets the answer's status, not for clients; `code` goes first, as it always has.
  const { code: _code, http, ...rest } = (error.extensions ?? {}) as Record<string, unknown>;
  const asked = (http as { status?: unknown } | undefined)?.status;
  const message = typeof error.message === "string" ? error.message : ERROR_MESSAGES[code];
  return {
    status: isStatus(asked) ? asked : HTTP_STATUS[code],
    code,
    message,
    body: { errors: [{ message, extensions: { code, ...rest } }] },
    internal: false,
  };
}

/**
 * The one normaliser: an AppError (or a wrapper of one) keeps its code, message and extensions;
 * anything else (another Error, a thrown string, an object whose getters throw) becomes
 * INTERNAL_SERVER_ERROR with no detail and no stack. Never throws.
 */
export function normalise(error: unknown): NormalisedError {
  try {
    const app = appErrorIn(error);
    return (app && known(app)) ?? internalError();
  } catch {
    return internalError();
  }
}

/** The JSON body for `error`: `{ errors: [{ message, extensions: { code, ... } }] }`. Never throws. */
export const toErrorBody = (error: unknown): ErrorBody => normalise(error).body;

/** An error for the log: its stack when it has one (never sent to clients). Never throws. */
export function describeForLog(error: unknown): unknown {
  try {
    return error instanceof Error ? (error.stack ?? error.message) : error;
  } catch {
    return "(an error that cannot be described)";
  }
}
