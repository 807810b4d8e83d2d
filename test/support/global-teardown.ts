import type { LocalNeo4j } from "../../src/platform/db/local-neo4j/local-neo4j";

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __testNeo4j?: LocalNeo4j }).__testNeo4j?.stop();
}
