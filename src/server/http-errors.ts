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
  "stream.encoding.set": "The request body could not be read",
};

/**
 * Last-resort handler for errors raised before a route answers (an unreadable body, a bug in
 * middleware): Express would otherwise reply with an HTML page and a stack trace. Answers in the
 * GraphQL error shape, with a code of DESIGN.md, and never a stack trace.
 */
export const httpErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = Number(error?.status ?? error?.statusCode);
  const known = typeof error?.type === "string" ? BODY_ERRORS[error.type] : undefined;
  let code: ErrorCode = ErrorCode.BAD_USER_INPUT;
  let message: string;
  if (known || (status >= 400 && status < 500 && error?.expose)) {
    message = known ?? String(error.message);
    if (error.type === "entity.parse.failed") message += `: ${String(error.message)}`;
    if (error.type === "entity.too.large") message += ` (${error.limit} bytes)`;
  } else {
    console.error("[http] internal error:", error instanceof Error ? (error.stack ?? error.message) : error);
    code = ErrorCode.INTERNAL_SERVER_ERROR;
    message = "Internal server error";
  }
  const httpStatus = code === ErrorCode.INTERNAL_SERVER_ERROR ? 500 : status >= 400 && status < 500 ? status : 400;
  res.status(httpStatus).json({ errors: [{ message, extensions: { code } }] });
};
