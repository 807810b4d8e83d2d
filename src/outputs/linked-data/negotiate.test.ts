import express, { Request } from "express";
import { mediaType, negotiate, notAcceptableBody, OFFERS } from "./negotiate";

// A request as Express builds it: its prototype gives `accepts` (RFC 9110 matching).
function request(accept: string | undefined, query: Record<string, unknown> = {}): Request {
  const req = Object.create(express.request) as Request;
  // Express 5 defines `query` as a getter over the URL; a plain value stands in for it here.
  Object.defineProperty(req, "query", { value: query });
  req.headers = accept === undefined ? {} : { accept };
  return req;
}

describe("negotiate", () => {
  it("answers JSON-LD without an Accept header or with */*", () => {
    expect(negotiate(request(undefined))).toEqual({ format: "jsonld" });
    expect(negotiate(request("*/*"))).toEqual({ format: "jsonld" });
  });

  it("picks the best q-value, whatever the header's order", () => {
    expect(negotiate(request("application/ld+json;q=0.5, text/turtle"))).toEqual({ format: "turtle" });
    expect(negotiate(request("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))).toEqual({
      format: "html",
    });
    expect(negotiate(request("application/n-triples"))).toEqual({ format: "ntriples" });
  });

  it("breaks ties by the header's order, and wildcards by the order of the offers", () => {
    expect(negotiate(request("text/turtle, application/json"))).toEqual({ format: "turtle" });
    expect(negotiate(request("application/json, text/turtle"))).toEqual({ format: "json" });
    expect(negotiate(request("text/*"))).toEqual({ format: "turtle" });
  });

  it("refuses what it cannot offer", () => {
    expect(negotiate(request("image/png"))).toEqual({ error: "not-acceptable" });
  });

  it("lets ?format= win over Accept, case-insensitively, and names a bad one", () => {
    expect(negotiate(request("text/html", { format: "TTL" }))).toEqual({ format: "turtle" });
    expect(negotiate(request(undefined, { format: "nt" }))).toEqual({ format: "ntriples" });
    expect(negotiate(request(undefined, { format: "xml" }))).toEqual({ error: "bad-format-param" });
    expect(negotiate(request(undefined, { format: ["ttl", "nt"] }))).toEqual({ error: "bad-format-param" });
  });
});

describe("the offers", () => {
  it("give each format its media type, and the 406 body lists them all", () => {
    expect(mediaType("turtle")).toBe("text/turtle");
    const body = notAcceptableBody();
    for (const o of OFFERS) expect(body).toContain(o.type);
    expect(body).toContain("?format=");
  });
});
