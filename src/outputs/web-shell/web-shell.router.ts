import express, { Router } from "express";
import { join } from "node:path";
import { explorerDir, explorerPage } from "./web-shell";

/** The explorer's own addresses; entity pages are served by the linked-data routes (text/html). */
export const EXPLORER_PATHS = [
  "/",
  "/search",
  "/patterns/heatmap",
  "/patterns/recurring",
  "/patterns/persistent",
  "/graph",
  "/review",
  "/curator",
];

/**
 * The explorer UI: its built assets (hashed names, cached for a year) and its pages. Pages hold
 * no data (the script fetches it from /graphql), so they need no token.
 */
export function explorerRouter(): Router {
  const router = express.Router();
  router.use(
    "/assets",
    express.static(join(explorerDir, "assets"), { immutable: true, maxAge: "365d", index: false, fallthrough: false }),
  );
  router.get(EXPLORER_PATHS, (_req, res) => {
    const page = explorerPage();
    if (!page) {
      res
        .status(503)
        .type("text/plain")
        .send("503 The explorer is not built: run `npm run build` (GraphQL is at /graphql).\n");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.type("text/html").send(page);
  });
  return router;
}
