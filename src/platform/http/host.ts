import type { Request, RequestHandler } from "express";
import { isIPv4, isIPv6 } from "node:net";

// A DNS name (letters, digits, hyphens, underscores for service labels; an optional final dot),
// an IPv4 address, or a bracketed IPv6 address without a zone; then an optional port. Anything
// else could carry characters that end an IRI (`>`, space, `"`) into Turtle, so it is refused.
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;
const PORT = /^\d{1,5}$/;

/** The Host header normalised (lower case), or undefined when it is not `host[:port]` of RFC 3986 form. */
export function validHost(value: string | undefined): string | undefined {
  if (value === undefined || value.length === 0 || value.length > 260) return undefined;
  let name: string;
  let port: string | undefined;
  if (value.startsWith("[")) {
    const close = value.indexOf("]");
    if (close < 0) return undefined;
    name = value.slice(0, close + 1);
    const rest = value.slice(close + 1);
    if (rest !== "" && !rest.startsWith(":")) return undefined;
    port = rest === "" ? undefined : rest.slice(1);
    const address = name.slice(1, -1);
    if (!/^[0-9a-f:.]+$/i.test(address) || !isIPv6(address)) return undefined;
  } else {
    const colon = value.lastIndexOf(":");
    name = colon < 0 ? value : value.slice(0, colon);
    port = colon < 0 ? undefined : value.slice(colon + 1);
    const labels = (name.endsWith(".") ? name.slice(0, -1) : name).split(".");
    if (!isIPv4(name) && (name.length > 254 || !labels.every((l) => LABEL.test(l)))) return undefined;
  }
  if (port !== undefined && (!PORT.test(port) || Number(port) < 1 || Number(port) > 65535)) return undefined;
  return (port === undefined ? name : `${name}:${port}`).toLowerCase();
}

/**
 * Refuses a request whose Host header is malformed (RFC 9112 §3.2 asks for 400), and one without
 * a Host when no PUBLIC_BASE_URL stands in for it: the IRIs of every answer are built from it. The
 * refusal goes through the last-resort error handler, so it has the project's JSON error shape.
 */
export function hostGuard(publicBaseUrl: string | undefined): RequestHandler {
  return (req, _res, next) => {
    const host = req.headers.host;
    if (host === undefined ? publicBaseUrl !== undefined : validHost(host) !== undefined) return next();
    const message =
      host === undefined
        ? "The request has no Host header (send one, or set PUBLIC_BASE_URL on the server)"
        : "The Host header is not a valid host name or IP address with an optional port";
    next(Object.assign(new Error(message), { status: 400, expose: true }));
  };
}

/** The base of the IRIs in an answer: PUBLIC_BASE_URL, or the request's own validated address. */
export function requestBaseUrl(publicBaseUrl: string | undefined, req: Request): string {
  if (publicBaseUrl !== undefined) return publicBaseUrl;
  const host = validHost(req.headers.host);
  // hostGuard runs first; reaching here without a valid host is a wiring bug, not a client error.
  if (host === undefined) throw new Error("requestBaseUrl: the Host header was not validated");
  return `${req.protocol}://${host}`;
}
