import { codeOfStatus, ErrorBody, ErrorCode } from "../../src/platform/errors/codes";

export { ErrorCode };

/** The explorer's own codes, for failures that never reached the API or got no answer of it. */
export type ClientErrorCode = "NETWORK_ERROR" | "BAD_RESPONSE";

/** The explorer's only data source: POST /graphql, the public API analysts use. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode | ClientErrorCode | string,
  ) {
    super(message);
  }
}

const TOKEN = "policygraph.readToken";

/** The read token the user gave, if the service asked for one (kept for this tab's session only). */
export const readToken = (): string | null => sessionStorage.getItem(TOKEN);
export const saveReadToken = (token: string): void => sessionStorage.setItem(TOKEN, token);

const CURATOR = "policygraph.curatorToken";
const CURATOR_NAME = "policygraph.curatorName";

/**
 * The curator's token, if a curator signed in (this tab's session only; never shown back). It is
 * sent instead of the read token: the service lets a curator read too.
 */
export const curatorToken = (): string | null => sessionStorage.getItem(CURATOR);
/** The signed-in curator's name (as the service answered it: what corrections are signed with). */
export const curatorName = (): string | null => (curatorToken() ? sessionStorage.getItem(CURATOR_NAME) : null);
export function saveCurator(token: string, name: string | null): void {
  sessionStorage.setItem(CURATOR, token);
  if (name) sessionStorage.setItem(CURATOR_NAME, name);
}
/** Signs the curator out: the token is forgotten. */
export function forgetCurator(): void {
  sessionStorage.removeItem(CURATOR);
  sessionStorage.removeItem(CURATOR_NAME);
}

let refused = false;
/** True when the service refused the token the user gave last (so the prompt can say so). */
export const readTokenRefused = (): boolean => refused;

/** Runs one GraphQL operation; errors come back as ApiError with the API's extensions.code. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  const curator = curatorToken();
  const token = curator ?? readToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError("The service cannot be reached.", "NETWORK_ERROR");
  }
  let body: { data?: T } & Partial<ErrorBody>;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The service answered ${res.status} without JSON.`, "BAD_RESPONSE");
  }
  const error = body.errors?.[0];
  const code = error?.extensions?.code ?? codeOfStatus(res.status);
  if (code === ErrorCode.UNAUTHENTICATED && curator) {
    // A curator token the service no longer takes signs the curator out; the read token stays.
    forgetCurator();
  } else if (code === ErrorCode.UNAUTHENTICATED) {
    // The view shows the token prompt for this code; a token that was refused is not sent again.
    refused = token !== null;
    sessionStorage.removeItem(TOKEN);
  }
  if (error) throw new ApiError(error.message, code);
  if (!body.data) throw new ApiError("The service answered without data.", "BAD_RESPONSE");
  return body.data;
}

/**
 * Runs an entity page's operation; null when the API refuses the page's id (NOT_FOUND, or
 * BAD_USER_INPUT from a filter that names it), which the page shows as "not found".
 */
export async function gqlEntity<T>(query: string, variables: Record<string, unknown>): Promise<T | null> {
  try {
    return await gql<T>(query, variables);
  } catch (e) {
    if (e instanceof ApiError && (e.code === ErrorCode.NOT_FOUND || e.code === ErrorCode.BAD_USER_INPUT)) return null;
    throw e;
  }
}
