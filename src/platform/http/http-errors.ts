import type { ErrorRequestHandler } from "express";
import { ErrorCode } from "../errors";

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

/**
 * Last-resort handler for errors raised before a route answers (an unreadable body, a bug in
 * middleware): Express would otherwise reply with an HTML page and a stack trace. Answers in the
 * GraphQL error shape, with a code of DESIGN.md, and never a stack trace.
 */
export const httpErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = Number(error?.status ?? error?.statusCode);
  const message = error && status >= 400 && status < 500 ? clientMessage(error) : undefined;
  if (message === undefined) {
    console.error("[http] internal error:", error instanceof Error ? (error.stack ?? error.message) : error);
    res
      .status(500)
      .json({ errors: [{ message: "Internal server error", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
    return;
  }
  res.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
};
