import { migrate } from "../../src/pipeline/bootstrap/migrations";
import { Database } from "../../src/platform/db/neo4j";
import { ensureDerived } from "../../src/pipeline/derived/derived.repository";
import { syncThemes } from "../../src/pipeline/bootstrap/themes";
import { testConnection } from "./test-neo4j";

/** A driver to the tests' database (close it in afterAll). */
export function testDatabase(): Database {
  return Database.connect(testConnection());
}

/** Empties the tests' database and applies the schema, themes and derived-data marker, as a fresh start would. */
export async function resetGraph(db: Database): Promise<void> {
  for (;;) {
    const [{ deleted }] = await db.write<{ deleted: number }>(
      "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted",
    );
    if (deleted === 0) break;
  }
  await migrate(db);
  await syncThemes(db);
  await ensureDerived(db, () => undefined);
}

/** Node and relationship counts by label / type: a fingerprint of the whole graph. */
export async function graphCounts(db: Database): Promise<Record<string, number>> {
  const nodes = await db.read<{ label: string; n: number }>(
    "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label",
  );
  const rels = await db.read<{ type: string; n: number }>(
    "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type",
  );
  return Object.fromEntries([...nodes.map((r) => [r.label, r.n]), ...rels.map((r) => [`:${r.type}`, r.n])]);
}
