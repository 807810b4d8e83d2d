import type { ErrorRequestHandler } from "express";
import { AppError, codeOfStatus, describeForLog, normalise } from "../errors";

// body-parser marks its errors with `type`; these are the client's fault and say so plainly.
const BODY_ERRORS: Record<string, string> = {
  "entity.parse.failed": "The request body is not valid JSON",
  "entity.too.large": "The request body is over the size limit",
  "encoding.unsupported": "The request body's content encoding is not supported",
  "charset.unsupported": "The request body's charset is not supported (send UTF-8)",
  "entity.verify.failed": "The request body could not be read",
  "request.size.invalid": "The request body is shorter or longer than its Content-Length",
};

/** What to tell the client about an error that is its own fault; undefined for anything else. */
function clientMessage(error: {
  type?: unknown;
  message?: unknown;
  limit?: unknown;
  expose?: unknown;
}): string | undefined {
  // The router's own 400 for a path segment that is not percent-encoded UTF-8 (/id/x/%ff).
  if (error instanceof URIError) return "The address is not valid percent-encoded UTF-8";
  const known = typeof error.type === "string" ? BODY_ERRORS[error.type] : undefined;
  if (error.type === "entity.parse.failed") return `${known}: ${String(error.message)}`;
  if (error.type === "entity.too.large") return `${known} (${String(error.limit)} bytes)`;
  return known ?? (error.expose ? String(error.message) : undefined);
}

// Express's and body-parser's client errors (a 4xx `status`, a message safe to show) as the
// AppError of their status's code; anything else is left for the normaliser to call internal.
function asAppError(error: unknown): unknown {
  if (error instanceof AppError || typeof error !== "object" || error === null) return error;
  const e = error as { status?: unknown; statusCode?: unknown };
  const status = Number(e.status ?? e.statusCode);
  const message = status >= 400 && status < 500 ? clientMessage(error) : undefined;
  return message === undefined ? error : new AppError(codeOfStatus(status), message, { http: { status } });
}

/**
 * Last-resort handler for errors raised before a route answers (an unreadable body, a bug in
 * middleware): Express would otherwise reply with an HTML page and a stack trace. Answers with the
 * shared normaliser's status and JSON body, a code of DESIGN.md, and never a stack trace.
 */
export const httpErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  let mapped: unknown = error;
  try {
    mapped = asAppError(error);
  } catch {
    // An error whose properties cannot be read is nobody's request: internal.
  }
  const answer = normalise(mapped);
  if (answer.internal) console.error("[http] internal error:", describeForLog(error));
  res.status(answer.status).json(answer.body);
};
