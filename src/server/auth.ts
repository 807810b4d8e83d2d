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
