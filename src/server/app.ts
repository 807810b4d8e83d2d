import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import http from "node:http";
import { AddressInfo } from "node:net";
import { Config } from "../platform/config";
import { Database } from "../platform/db/neo4j";
import { AppError, ErrorCode, ERROR_MESSAGES, HTTP_STATUS } from "../platform/errors";
import { Context, createContext } from "../api/graphql/context";
import { explorerRouter } from "../outputs/web-shell/web-shell.router";
import { linkedDataRouter } from "../outputs/linked-data/linked-data.router";
import { callerOf, mayRead, RefusalCounter } from "../platform/http/auth";
import { costPlugin } from "../api/graphql/cost.plugin";
import { documentLimitsRule, parseOptions } from "../api/graphql/document-limits";
import { formatError } from "../api/graphql/format-error";
import { healthHandler } from "../platform/http/health";
import { hostGuard, requestBaseUrl } from "../platform/http/host";
import { httpErrorHandler } from "../platform/http/http-errors";
import { graphqlSchema } from "../api/schema/schema";

export type ServerSettings = Pick<
  Config,
  "curatorToken" | "readToken" | "complexityLimit" | "limits" | "publicBaseUrl"
> &
  Partial<Pick<Config, "curatorTokens">>;

// Aborted when the connection closes before the answer was sent: the client has gone away, and
// the statements its request has not started yet are not run.
function abortedWhenGone(res: express.Response): AbortSignal {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** A running HTTP server: GraphQL at /graphql, health at /health, linked data, the explorer at /. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Builds and starts the HTTP server on `port` (0 picks a free one). */
export async function startServer(
  db: Database,
  settings: ServerSettings,
  port: number,
  host?: string,
): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  // Node would answer a missing Host with its own bare 400; hostGuard answers it in the project's
  // error shape, and lets it through when PUBLIC_BASE_URL makes the Host unnecessary.
  const httpServer = http.createServer({ requireHostHeader: false }, app);
  // A client without the read token is not a fault of the service: counted, not logged each time.
  const unauthenticated = new RefusalCounter((n) =>
    console.warn(`[graphql] ${n} GraphQL request(s) without the read token refused (UNAUTHENTICATED) so far`),
  );
  const { limits } = settings;
  const apollo = new ApolloServer<Context>({
    schema: graphqlSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // A document is bounded before it is validated: its tokens while parsing, then its aliases,
    // depth, directives and static cost; its complexity and round trips before it runs.
    parseOptions: parseOptions(limits),
    validationRules: [documentLimitsRule(limits)],
    plugins: [
      costPlugin({ complexity: settings.complexityLimit, roundTrips: limits.roundTrips }),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
  });
  await apollo.start();

  app.use(cors({ maxAge: 600 }));
  app.use(hostGuard(settings.publicBaseUrl));
  app.get("/health", healthHandler(db, settings));
  app.use(linkedDataRouter(db, { ...settings, timeoutMs: limits.timeoutMs }));
  app.use(explorerRouter());
  app.use(
    "/graphql",
    express.json({ limit: "2mb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const auth = req.headers.authorization;
        if (!mayRead(auth, settings)) {
          unauthenticated.count();
          throw new AppError(ErrorCode.UNAUTHENTICATED, ERROR_MESSAGES.UNAUTHENTICATED, {
            http: {
              status: HTTP_STATUS.UNAUTHENTICATED,
              headers: new Map([["www-authenticate", 'Bearer realm="policygraph"']]),
            },
          });
        }
        return createContext(db, callerOf(auth, settings), requestBaseUrl(settings.publicBaseUrl, req), {
          roundTrips: limits.roundTrips,
          concurrency: limits.dbConcurrency,
          deadline: Date.now() + limits.timeoutMs,
          signal: abortedWhenGone(res),
        });
      },
    }),
  );
  app.use(httpErrorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, () => resolve());
  });
  const actual = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${host && host !== "0.0.0.0" ? host : "127.0.0.1"}:${actual}`,
    port: actual,
    close: () => apollo.stop(),
  };
}
