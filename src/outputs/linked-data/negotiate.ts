import { Request } from "express";

export type Format = "jsonld" | "json" | "turtle" | "ntriples" | "html";

/** The media types an IRI is served as, the default (no Accept, or `*∕*`) first. */
export const OFFERS: readonly { type: string; format: Format }[] = [
  { type: "application/ld+json", format: "jsonld" },
  { type: "application/json", format: "json" },
  { type: "text/turtle", format: "turtle" },
  { type: "application/n-triples", format: "ntriples" },
  { type: "text/html", format: "html" },
];

/** `?format=` values, for browsers and links that cannot set Accept. */
export const FORMAT_PARAMS: Record<string, Format> = {
  jsonld: "jsonld",
  json: "json",
  ttl: "turtle",
  turtle: "turtle",
  nt: "ntriples",
  html: "html",
};

export const mediaType = (format: Format) => OFFERS.find((o) => o.format === format)!.type;

export type Negotiated = { format: Format } | { error: "bad-format-param" | "not-acceptable" };

/**
 * The representation to send: `?format=` when given, otherwise the best match of the Accept header
 * by q-value, then specificity (ties: the header's own order; a wildcard takes the first of OFFERS
 * it covers). Express's `req.accepts` implements RFC 9110 matching.
 */
export function negotiate(req: Request): Negotiated {
  const param = req.query.format;
  if (param !== undefined) {
    const format = typeof param === "string" ? FORMAT_PARAMS[param.toLowerCase()] : undefined;
    return format ? { format } : { error: "bad-format-param" };
  }
  const type = req.accepts(OFFERS.map((o) => o.type));
  const offer = type ? OFFERS.find((o) => o.type === type) : undefined;
  return offer ? { format: offer.format } : { error: "not-acceptable" };
}

/** The body of a 406: what the resource is offered as. */
export function notAcceptableBody(): string {
  return [
    "406 Not Acceptable: this resource is available as",
    ...OFFERS.map((o) => `  ${o.type}`),
    `or with ?format=${Object.keys(FORMAT_PARAMS).join("|")}`,
    "",
  ].join("\n");
}
