import {
  ANSWERED_MEETINGS,
  INFERENCES,
  NEXT_MEETING_UPGRADE_FROM_V5,
  UNLINK_MEETINGS,
} from "./inference/inference.cypher";
import { Queryable, WriteTx } from "../../platform/db/neo4j";
import { TALLY_MEETINGS, TALLY_REMOVE_MEETING, TALLY_UPGRADE_FROM_V4, UNTALLY_MEETINGS } from "./tally/tally.cypher";
import { topThemeIds } from "../../model/theme.catalog";
import * as q from "./derived.cypher";

/**
 * Version of the derived data (inferred ADDRESSES links and tallies). Bump it when their rules
 * change: start-up then upgrades them in place (UPGRADES) or rebuilds them from what the texts state.
 */
export const DERIVED_VERSION = 6;

/** Upgrades of derived data that need no rebuild, by the version they start from; run in a chain. */
const UPGRADES: Record<number, string[]> = {
  4: TALLY_UPGRADE_FROM_V4,
  5: [NEXT_MEETING_UPGRADE_FROM_V5],
};

// The statements that bring derived data from `version` up to DERIVED_VERSION, or undefined when
// some step has no upgrade (a rebuild then).
function upgradeFrom(version: number | null): string[] | undefined {
  if (version === null || version > DERIVED_VERSION) return undefined;
  const steps = [];
  for (let v = version; v < DERIVED_VERSION; v++) {
    if (!UPGRADES[v]) return undefined;
    steps.push(...UPGRADES[v]);
  }
  return steps;
}

/** Meetings derived per transaction when catching up (bulk ingest, start-up, rebuild). */
export const DERIVE_BATCH = 200;
const PROGRESS_EVERY = 1000;

/**
 * Derives what newly written meetings imply, inferred links then tallies, inside the caller's write
 * transaction; meetings already derived are skipped. Takes the derivation lock first.
 */
export async function deriveMeetings(tx: WriteTx, meetingIds: string[]): Promise<void> {
  if (!meetingIds.length) return;
  await tx.run(q.LOCK_DERIVATION);
  const batch = { meetingIds };
  for (const statement of [...INFERENCES, ...TALLY_MEETINGS]) await tx.run(statement, { batch });
  await tx.run(q.MARK_DERIVED, { batch });
}

/** Takes the derivation lock in the caller's write transaction: derivations (and re-extractions) then run one at a time. */
export async function lockDerivation(tx: WriteTx): Promise<void> {
  await tx.run(q.LOCK_DERIVATION);
}

/**
 * Undoes the derivation of meetings whose statements are about to change (re-extraction,
 * corrections), inside the caller's write transaction and before the change: their inferred links
 * and tally entries go, and they are pending again. So do those of the earlier meetings whose
 * shortcomings their directives answer, whose answer may move elsewhere. Returns every meeting to
 * derive again once the change is written (deriveMeetings): a rebuild would then give the same
 * links and tallies. Takes the derivation lock first; meetings still pending are left as they are.
 */
export async function underiveMeetings(tx: WriteTx, meetingIds: string[]): Promise<string[]> {
  if (!meetingIds.length) return [];
  await tx.run(q.LOCK_DERIVATION);
  const answered = await tx.run<{ id: string }>(ANSWERED_MEETINGS, { batch: { meetingIds } });
  const all = [...new Set([...meetingIds, ...answered.map((r) => r.id)])];
  await tx.run(UNLINK_MEETINGS, { batch: { meetingIds: all } });
  for (const meetingId of all) for (const statement of TALLY_REMOVE_MEETING) await tx.run(statement, { meetingId });
  await tx.run(q.MARK_PENDING, { batch: { meetingIds: all } });
  return all;
}

/**
 * Derives meetings again whose items, themes or departments changed after they were derived (a
 * curator's correction), inside the caller's write transaction, so that the patterns reflect the
 * change when it commits. Their tally entries are taken out and made again, their directive index
 * rewritten, and the inferred links of their shortcomings made again — with those of the meetings
 * whose shortcomings their directives answered, which may now follow another meeting. The rules
 * read the whole graph, so the outcome is what a rebuild would give. `goneDepartmentIds`: bodies
 * no longer in the graph (merged away) that the meetings' directive index may still name.
 */
export async function rederiveMeetings(
  tx: WriteTx,
  meetingIds: readonly string[],
  goneDepartmentIds: readonly string[] = [],
): Promise<void> {
  if (!meetingIds.length) return;
  await tx.run(q.LOCK_DERIVATION);
  const changed = [...new Set(meetingIds)];
  const [scope] = await tx.run<{ years: number[]; linked: string[]; pendingLinked: string[] }>(q.REDERIVE_SCOPE, {
    batch: { meetingIds: changed },
  });
  if (!scope?.years.length) return;
  const relinked = [...new Set([...changed, ...scope.linked])];
  // A meeting derived here is marked derived: one still pending gets its tally entries too.
  const tallied = [...new Set([...changed, ...scope.pendingLinked])];
  const batch = { meetingIds: changed, years: scope.years };
  for (const statement of UNTALLY_MEETINGS) await tx.run(statement, { batch });
  await tx.run(q.REINDEX_DIRECTIVES, {
    batch: { meetingIds: changed, themeIds: topThemeIds(), departmentIds: [...goneDepartmentIds] },
  });
  await tx.run(q.UNDERIVE, { batch: { meetingIds: relinked } });
  for (const statement of INFERENCES) await tx.run(statement, { batch: { meetingIds: relinked } });
  for (const statement of TALLY_MEETINGS) await tx.run(statement, { batch: { meetingIds: tallied } });
  await tx.run(q.MARK_DERIVED, { batch: { meetingIds: relinked } });
}

/**
 * Derives every pending meeting, oldest first, DERIVE_BATCH per transaction; returns how many.
 * `log` hears of progress on long runs.
 */
export async function derivePending(db: Queryable, log: (line: string) => void = () => undefined): Promise<number> {
  const started = Date.now();
  let done = 0;
  for (;;) {
    const ids = (await db.read<{ id: string }>(q.PENDING_MEETINGS, { limit: DERIVE_BATCH })).map((r) => r.id);
    if (!ids.length) return done;
    await db.transaction((tx) => deriveMeetings(tx, ids));
    const before = done;
    done += ids.length;
    if (Math.floor(done / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY))
      log(`derived ${done} meetings (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}

/**
 * Brings derived data up to date at start-up: upgrades it in place from the previous version,
 * rebuilds it when it was derived by other rules (or never), then derives any meeting still pending
 * (one whose bulk ingest stopped before its batch was derived). Meetings written before the writer
 * indexed their directives (MeetingDirectiveTheme, MeetingAddressee: the rules read them) get it first.
 */
export async function ensureDerived(db: Queryable, log: (line: string) => void): Promise<void> {
  await untilNone(db, q.BACKFILL_DIRECTIVE_INDEX);
  const [{ version }] = await db.read<{ version: number | null }>(q.DERIVED_VERSION);
  if (version !== DERIVED_VERSION) {
    const upgrade = upgradeFrom(version);
    if (upgrade) {
      log(`upgrading derived data from v${version} to v${DERIVED_VERSION}…`);
      await db.transaction(async (tx) => {
        for (const statement of upgrade) await tx.run(statement);
      });
    } else {
      await untilNone(db, q.DROP_DERIVED);
      const marked = await untilNone(db, q.MARK_ALL_PENDING);
      if (marked) log(`deriving inferred links and tallies for ${marked} meetings (rules v${DERIVED_VERSION})…`);
    }
  }
  const derived = await derivePending(db, log);
  if (version === DERIVED_VERSION && derived) log(`derived ${derived} meetings left pending`);
  if (version !== DERIVED_VERSION) await db.write(q.SET_DERIVED_VERSION, { version: DERIVED_VERSION });
}

// Runs a statement that works through a bounded batch (returning `done`, how many it handled) one
// transaction after another until a batch finds nothing left; returns the total.
async function untilNone(db: Queryable, statement: string): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ done }] = await db.write<{ done: number }>(statement);
    if (done === 0) return total;
    total += done;
  }
}
