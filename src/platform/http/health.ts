import { Request, Response } from "express";
import { Database } from "../db/neo4j";
import { AuthSettings, mayRead } from "./auth";

const TIMEOUT_MS = 3_000;

/**
 * GET /health: 200 when Neo4j answers, 503 when it does not. The database's name, version and
 * latency are shown only to callers that may read: with a read token set, anyone else learns
 * only up or down.
 */
export function healthHandler(db: Database, settings: AuthSettings) {
  return async (req: Request, res: Response) => {
    const detailed = mayRead(req.headers.authorization, settings);
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const info = await Promise.race([
        db.ping(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("no answer in time")), TIMEOUT_MS);
        }),
      ]);
      if (!detailed) return void res.status(200).json({ status: "ok" });
      res.status(200).json({ status: "ok", neo4j: { ...info, database: db.name, latencyMs: Date.now() - started } });
    } catch {
      if (!detailed) return void res.status(503).json({ status: "unavailable" });
      res.status(503).json({ status: "unavailable", neo4j: { database: db.name, error: "Neo4j does not answer" } });
    } finally {
      clearTimeout(timer);
    }
  };
}
