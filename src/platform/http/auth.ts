import { timingSafeEqual } from "node:crypto";
import type { CuratorToken } from "../config";

/** Who is calling: resolved from the Authorization header by the server. */
export interface Caller {
  /** True when the request carried a curator token. */
  curator: boolean;
  /** The curator's name (a correction's author): `curator` for POLICYGRAPH_CURATOR_TOKEN; null for others. */
  curatorName: string | null;
  /** False when no curator token is configured: then every mutation is refused. */
  mutationsEnabled: boolean;
  /** True when the request carried some bearer token (right or wrong). */
  presentedToken: boolean;
}

export interface AuthSettings {
  /** The unnamed curator token: its holder signs corrections as `curator`. */
  curatorToken: string | undefined;
  /** Named curators (POLICYGRAPH_CURATOR_TOKENS). */
  curatorTokens?: readonly CuratorToken[];
  readToken: string | undefined;
}

/** The author name of the unnamed POLICYGRAPH_CURATOR_TOKEN. */
export const DEFAULT_CURATOR = "curator";

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

function curators(settings: AuthSettings): CuratorToken[] {
  const named = [...(settings.curatorTokens ?? [])];
  return settings.curatorToken ? [...named, { name: DEFAULT_CURATOR, token: settings.curatorToken }] : named;
}

/** True when some curator token is configured (otherwise every mutation is refused). */
export const mutationsEnabled = (settings: AuthSettings) => curators(settings).length > 0;

/** Who the caller is, from its Authorization header. */
export function callerOf(header: string | undefined, settings: AuthSettings): Caller {
  const token = bearerToken(header);
  // Every token is compared, so the time taken does not tell which one (or whether any) matched.
  let curatorName: string | null = null;
  for (const c of curators(settings)) if (token && same(token, c.token) && curatorName === null) curatorName = c.name;
  return {
    curator: curatorName !== null,
    curatorName,
    mutationsEnabled: mutationsEnabled(settings),
    presentedToken: token !== undefined,
  };
}

/** True when the caller may read: reads are open unless a read token is configured. */
export function mayRead(header: string | undefined, settings: AuthSettings): boolean {
  if (!settings.readToken) return true;
  const token = bearerToken(header);
  return !!token && (same(token, settings.readToken) || callerOf(header, settings).curator);
}

/** Counts refusals and reports the count at the 1st, 10th, 100th … one, so a flood of them cannot fill the log. */
export class RefusalCounter {
  private n = 0;
  private nextReport = 1;
  constructor(private readonly report: (count: number) => void) {}

  /** Counts one refusal. */
  count(): void {
    this.n++;
    if (this.n < this.nextReport) return;
    this.report(this.n);
    this.nextReport *= 10;
  }

  get total(): number {
    return this.n;
  }
}
