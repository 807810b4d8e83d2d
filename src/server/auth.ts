import { timingSafeEqual } from "node:crypto";
import { Caller } from "../graphql/context";

export interface AuthSettings {
  curatorToken: string | undefined;
  readToken: string | undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The bearer token of an Authorization header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? "");
  return m?.[1].trim();
}

/** Who the caller is, from its Authorization header. */
export function callerOf(header: string | undefined, settings: AuthSettings): Caller {
  const token = bearerToken(header);
  const curator = !!(token && settings.curatorToken && same(token, settings.curatorToken));
  return { curator, mutationsEnabled: !!settings.curatorToken, presentedToken: token !== undefined };
}

/** True when the caller may read: reads are open unless a read token is configured. */
export function mayRead(header: string | undefined, settings: AuthSettings): boolean {
  if (!settings.readToken) return true;
  const token = bearerToken(header);
  return !!token && (same(token, settings.readToken) || callerOf(header, settings).curator);
}
