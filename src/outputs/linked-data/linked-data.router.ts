import express, { Request, Response, Router } from "express";
import { Queryable, mapError, withDeadline } from "../../platform/db/neo4j";
import { AppError, describeForLog, ErrorCode, ERROR_MESSAGES, normalise, notFound } from "../../platform/errors";
import { AuthSettings, mayRead } from "../../platform/http/auth";
import { requestBaseUrl } from "../../platform/http/host";
import { writeDump, DumpFormat } from "./dump";
import { explorerPage } from "../web-shell/web-shell";
import { escapeHtml } from "../../platform/text/html";
import { alternateLinks, HtmlPage, renderArticle, renderHtml } from "./html";
import {
  contextIri,
  correctionIri,
  curatorIri,
  entityIri,
  entityTypeOf,
  IRI_TYPES,
  themeSchemeIri,
  vocabularyIri,
} from "../../model/iri";
import { JsonLdFramer, jsonLdDocument } from "./jsonld";
import { EntityView, loadCorrection, loadCurator, loadEntity, loadScheme, redirectOf } from "./linked-data.repository";
import { describeVocabulary, Description, Terms } from "./mapping";
import { isItemType } from "./model";
import { Format, mediaType, negotiate, notAcceptableBody } from "./negotiate";
import { chunkWriter, OutputClosed } from "./stream";
import { serializeTriples } from "./turtle";
import { contextDocument } from "./vocabulary";

/** What the linked-data routes need to know of the server's settings. */
export interface LinkedDataSettings extends AuthSettings {
  publicBaseUrl: string | undefined;
  /** An entity page's deadline (REQUEST_TIMEOUT_MS); the streamed dumps have none. */
  timeoutMs: number;
}

const ALTERNATES: { label: string; format: string; type: Format }[] = [
  { label: "JSON-LD", format: "jsonld", type: "jsonld" },
  { label: "Turtle", format: "ttl", type: "turtle" },
  { label: "N-Triples", format: "nt", type: "ntriples" },
];

const isJson = (format: Format | undefined) => format === "jsonld" || format === "json";

// The server's hostGuard has refused a malformed Host before any route runs.
const baseUrlOf = (settings: LinkedDataSettings, req: Request) => requestBaseUrl(settings.publicBaseUrl, req);

// Errors answer with the shared normaliser's status and code: its JSON body to JSON clients, an
// explorer page to browsers, a line of text otherwise.
function sendError(res: Response, error: unknown, format?: Format): void {
  const { status, message, body } = normalise(error);
  const shell =
    format === "html"
      ? explorerPage({ title: `${status}`, body: `<article><h1>${escapeHtml(message)}</h1></article>` })
      : undefined;
  if (shell) res.status(status).type("text/html").send(shell);
  else if (isJson(format)) res.status(status).type("application/json").send(JSON.stringify(body));
  else res.status(status).type("text/plain").send(`${status} ${message}\n`);
}

const readTokenRequired = () => new AppError(ErrorCode.UNAUTHENTICATED, ERROR_MESSAGES.UNAUTHENTICATED);

function refuseUnauthenticated(res: Response, format?: Format): void {
  res.setHeader("WWW-Authenticate", 'Bearer realm="policygraph"');
  sendError(res, readTokenRequired(), format);
}

function fail(res: Response, error: unknown, format?: Format): void {
  if (error instanceof OutputClosed) return;
  if (res.headersSent) {
    // Mid-stream: cut the connection so the client sees an incomplete transfer, not a short dump.
    console.error("[linked-data] dump aborted:", error instanceof Error ? error.message : error);
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  // The driver's ways of saying "unreachable" become DATABASE_UNAVAILABLE (503) here as in GraphQL.
  const mapped = mapError(error);
  const answer = normalise(mapped);
  if (answer.internal) console.error("[linked-data] internal error:", describeForLog(error));
  if (answer.code === ErrorCode.DATABASE_UNAVAILABLE) res.setHeader("Retry-After", "5");
  sendError(res, mapped, format);
}

interface Representation {
  baseUrl: string;
  iri: string;
  description: Description;
  view?: EntityView;
  /** Entities and the theme scheme open in the explorer; the vocabulary stays a plain page. */
  explorer?: boolean;
}

function send(res: Response, format: Format, r: Representation): void {
  const quads = r.description.quads();
  res.setHeader(
    "Link",
    ALTERNATES.map((a) => `<?format=${a.format}>; rel="alternate"; type="${mediaType(a.type)}"`).join(", "),
  );
  switch (format) {
    case "jsonld":
    case "json": {
      const nodes = new JsonLdFramer(r.baseUrl).nodes(quads);
      res.type(mediaType(format)).send(JSON.stringify(jsonLdDocument(contextIri(r.baseUrl), nodes), null, 2));
      return;
    }
    case "turtle":
    case "ntriples":
      res.type(mediaType(format)).send(serializeTriples(r.baseUrl, format, quads));
      return;
    case "html": {
      const page: HtmlPage = {
        baseUrl: r.baseUrl,
        iri: r.iri,
        quads,
        evidence: r.view && evidenceOf(r.baseUrl, r.view),
        truncated: r.view?.truncated,
        alternates: ALTERNATES.map((a) => ({ label: a.label, href: `?format=${a.format}`, type: mediaType(a.type) })),
      };
      const article = r.explorer ? renderArticle(page) : undefined;
      const shell = article && explorerPage({ title: article.title, head: alternateLinks(page), body: article.html });
      res.type("text/html").send(shell ?? renderHtml(page));
    }
  }
}

function evidenceOf(baseUrl: string, view: EntityView) {
  const { row, sourceText } = view;
  const [start, end, sStart, sEnd] = [row.start, row.end, row.sentenceStart, row.sentenceEnd];
  if (!isItemType(view.type) || sourceText === null || typeof row.documentId !== "string") return undefined;
  if (![start, end, sStart, sEnd].every((n) => typeof n === "number")) return undefined;
  const [s, e, ss, se] = [start, end, sStart, sEnd] as number[];
  if (!(0 <= ss && ss <= s && s <= e && e <= se && se <= sourceText.length)) return undefined;
  return {
    sentence: sourceText.slice(ss, se),
    start: s - ss,
    end: e - ss,
    offset: ss,
    documentIri: entityIri(baseUrl, "Document", row.documentId),
  };
}

/**
 * Linked data beside /graphql: entity IRIs `/id/{type}/{id}` with content negotiation, the theme
 * scheme at `/id/theme`, the vocabulary at `/ns` and its JSON-LD context at `/ns/context.jsonld`,
 * and streamed dumps at `/dump.ttl` and `/dump.jsonld`. Data routes honour the read token like
 * /graphql; the vocabulary and context are public.
 */
export function linkedDataRouter(db: Queryable, settings: LinkedDataSettings): Router {
  const router = express.Router();

  // Content-negotiated GET: picks the format, checks access, then builds the representation.
  const negotiated =
    (needsRead: boolean, build: (req: Request, res: Response, format: Format, baseUrl: string) => Promise<void>) =>
    async (req: Request, res: Response) => {
      res.vary("Accept");
      const choice = negotiate(req);
      if ("error" in choice) {
        const message =
          choice.error === "not-acceptable"
            ? notAcceptableBody()
            : `400 Bad Request: ?format= must be one of jsonld, json, ttl, turtle, nt, html\n`;
        res
          .status(choice.error === "not-acceptable" ? 406 : 400)
          .type("text/plain")
          .send(message);
        return;
      }
      if (needsRead && !mayRead(req.headers.authorization, settings)) {
        // A browser cannot send the token with a page load: the explorer's page holds no data
        // and asks for the token before it fetches any.
        const shell = choice.format === "html" ? explorerPage() : undefined;
        if (shell) {
          res.type("text/html").send(shell);
          return;
        }
        refuseUnauthenticated(res, choice.format);
        return;
      }
      try {
        await build(req, res, choice.format, baseUrlOf(settings, req));
      } catch (e) {
        fail(res, e, choice.format);
      }
    };

  router.get("/ns/context.jsonld", (req, res) => {
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.type("application/ld+json").send(JSON.stringify(contextDocument(baseUrlOf(settings, req)), null, 2));
  });

  router.get(
    "/ns",
    negotiated(false, async (_req, res, format, baseUrl) => {
      const t = new Terms(baseUrl);
      send(res, format, { baseUrl, iri: vocabularyIri(baseUrl), description: describeVocabulary(t) });
    }),
  );

  router.get(
    "/id/:type",
    negotiated(true, async (req, res, format, baseUrl) => {
      if (req.params.type !== IRI_TYPES.PolicyTheme) {
        const known = entityTypeOf(String(req.params.type));
        const message = known
          ? `Not Found: ${req.path} names no entity; entity IRIs are /id/${req.params.type}/{id}`
          : `Not Found: no entity type "${req.params.type}"; types are ${Object.values(IRI_TYPES).join(", ")}`;
        sendError(res, notFound(message), format);
        return;
      }
      const description = await loadScheme(withDeadline(db, Date.now() + settings.timeoutMs), new Terms(baseUrl));
      send(res, format, { baseUrl, iri: themeSchemeIri(baseUrl), description, explorer: true });
    }),
  );

  // Corrections and curators: provenance, not extracted entities (plain pages, not the explorer's).
  router.get(
    "/id/correction/:id",
    negotiated(true, async (req, res, format, baseUrl) => {
      const id = String(req.params.id);
      const t = new Terms(baseUrl);
      const description = await loadCorrection(withDeadline(db, Date.now() + settings.timeoutMs), t, id);
      if (!description) {
        sendError(res, notFound(`Not Found: no correction with id "${id}"`), format);
        return;
      }
      send(res, format, { baseUrl, iri: correctionIri(baseUrl, id), description });
    }),
  );

  router.get(
    "/id/curator/:name",
    negotiated(true, async (req, res, format, baseUrl) => {
      const name = String(req.params.name);
      const t = new Terms(baseUrl);
      const description = await loadCurator(withDeadline(db, Date.now() + settings.timeoutMs), t, name);
      if (!description) {
        sendError(res, notFound(`Not Found: no curator "${name}" signed a correction`), format);
        return;
      }
      send(res, format, { baseUrl, iri: curatorIri(baseUrl, name), description });
    }),
  );

  router.get(
    "/id/:type/:id",
    negotiated(true, async (req, res, format, baseUrl) => {
      const segment = String(req.params.type);
      const id = String(req.params.id);
      const type = entityTypeOf(segment);
      if (!type) {
        const message = `Not Found: no entity type "${segment}"; types are ${Object.values(IRI_TYPES).join(", ")}`;
        sendError(res, notFound(message), format);
        return;
      }
      const reading = withDeadline(db, Date.now() + settings.timeoutMs);
      const view = await loadEntity(reading, new Terms(baseUrl), type, id);
      // A department merged into another: its IRI now names that body, in every format.
      const mergedInto = !view && type === "Department" ? await redirectOf(reading, id) : null;
      if (mergedInto) {
        const query = req.originalUrl.indexOf("?");
        const location = entityIri(baseUrl, type, mergedInto) + (query < 0 ? "" : req.originalUrl.slice(query));
        res.redirect(301, location);
        return;
      }
      if (!view) {
        sendError(res, notFound(`Not Found: no ${segment} with id "${id}"`), format);
        return;
      }
      send(res, format, {
        baseUrl,
        iri: entityIri(baseUrl, type, id),
        description: view.description,
        view,
        explorer: true,
      });
    }),
  );

  const dump = (format: DumpFormat) => async (req: Request, res: Response) => {
    const type = format === "turtle" ? "text/turtle" : "application/ld+json";
    const baseUrl = baseUrlOf(settings, req);
    if (!mayRead(req.headers.authorization, settings)) {
      refuseUnauthenticated(res);
      return;
    }
    res.status(200).type(type);
    res.setHeader("Content-Disposition", `inline; filename="policygraph.${format === "turtle" ? "ttl" : "jsonld"}"`);
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    try {
      await writeDump(db, chunkWriter(res), { baseUrl, format });
      res.end();
    } catch (e) {
      fail(res, e);
    }
  };
  router.get("/dump.ttl", dump("turtle"));
  router.get("/dump.jsonld", dump("jsonld"));

  return router;
}
