import { Request, Response } from "express";
import { Database } from "../db/neo4j";

const TIMEOUT_MS = 3_000;

/** GET /health: 200 with the database's version when Neo4j answers, 503 when it does not. */
export function healthHandler(db: Database) {
  return async (_req: Request, res: Response) => {
    const started = Date.now();
    try {
      const info = await Promise.race([
        db.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer in time")), TIMEOUT_MS)),
      ]);
      res.status(200).json({ status: "ok", neo4j: { ...info, database: db.name, latencyMs: Date.now() - started } });
    } catch {
      res.status(503).json({ status: "unavailable", neo4j: { database: db.name, error: "Neo4j does not answer" } });
    }
  };
}
