import { loadConfig } from "../../src/platform/config";
import { Database } from "../../src/platform/db/neo4j";
import { RunningServer, ServerSettings, startServer } from "../../src/server/app";

export const DEFAULT_SETTINGS: ServerSettings = {
  curatorToken: undefined,
  readToken: undefined,
  complexityLimit: 50_000,
  // The service's defaults, so every test (the explorer's, the examples') shows they are enough.
  limits: loadConfig({}).limits,
  publicBaseUrl: undefined,
};

/** The service in-process on a free port, over a test database. */
export function testServer(db: Database, settings: Partial<ServerSettings> = {}): Promise<RunningServer> {
  return startServer(db, { ...DEFAULT_SETTINGS, ...settings }, 0, "127.0.0.1");
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  extensions?: { cost?: { complexity: number; limit: number; dbRoundTrips: number } };
}

/** POSTs a GraphQL operation to a running server. */
export async function gql<T = Record<string, any>>(
  server: { url: string },
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}
