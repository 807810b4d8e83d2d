import { inferAddresses } from "../address/address.repository";
import { Queryable, WriteTx } from "../db/neo4j";
import * as q from "./tally.cypher";

/**
 * Version of the derived data (inferred ADDRESSES links and tallies). Bump it when their rules
 * change: start-up then rebuilds them from what the texts state.
 */
export const DERIVED_VERSION = 5;

const BATCH = 25;
const PROGRESS_EVERY = 500;

/** Adds one newly written meeting's entries to the tallies (run in its write transaction). */
export async function tallyMeeting(tx: WriteTx, meetingId: string): Promise<void> {
  for (const statement of q.TALLY_MEETING) await tx.run(statement, { meetingId });
}

/** Derives what a newly written meeting implies: inferred links, then tallies. */
export async function deriveMeeting(tx: WriteTx, meetingId: string): Promise<void> {
  await inferAddresses(tx, meetingId);
  await tallyMeeting(tx, meetingId);
}

/**
 * Rebuilds inferred links and tallies for the whole graph when they were derived by another
 * version of the rules (or never), meeting by meeting in date order, a batch per transaction.
 */
export async function ensureDerived(db: Queryable, log: (line: string) => void): Promise<void> {
  const [{ version }] = await db.read<{ version: number | null }>(q.DERIVED_VERSION);
  if (version === DERIVED_VERSION) return;
  const upgrade = version === null ? undefined : q.DERIVED_UPGRADES[version];
  if (upgrade && version === DERIVED_VERSION - 1) {
    log(`upgrading derived data from v${version} to v${DERIVED_VERSION}…`);
    await db.transaction(async (tx) => {
      for (const statement of upgrade) await tx.run(statement);
    });
    await db.write(q.SET_DERIVED_VERSION, { version: DERIVED_VERSION });
    return;
  }
  const meetings = (await db.read<{ id: string }>(q.MEETINGS_IN_ORDER)).map((r) => r.id);
  if (meetings.length)
    log(`deriving inferred links and tallies for ${meetings.length} meetings (rules v${DERIVED_VERSION})…`);
  for (;;) {
    const [{ deleted }] = await db.write<{ deleted: number }>(q.DROP_DERIVED);
    if (deleted === 0) break;
  }
  const started = Date.now();
  for (let i = 0; i < meetings.length; i += BATCH) {
    await db.transaction(async (tx) => {
      for (const id of meetings.slice(i, i + BATCH)) await deriveMeeting(tx, id);
    });
    const done = Math.min(i + BATCH, meetings.length);
    if (done % PROGRESS_EVERY < BATCH && done < meetings.length)
      log(`derived ${done}/${meetings.length} meetings (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  await db.write(q.SET_DERIVED_VERSION, { version: DERIVED_VERSION });
}
