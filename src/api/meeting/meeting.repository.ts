import { Queryable } from "../../platform/db/neo4j";
import { notFound } from "../../platform/errors";
import { Context, keyedLoader, load } from "../graphql/context";
import { Page } from "../graphql/connection";
import * as q from "./meeting.cypher";
import type { Meeting, MeetingKind } from "./meeting.type";

export interface MeetingFilter {
  from?: string | null;
  to?: string | null;
  kind?: MeetingKind | null;
}

/** One page of meetings, newest first, with the total. */
export async function meetingPage(
  db: Queryable,
  filter: MeetingFilter,
  page: Page,
): Promise<{ total: number; nodes: Meeting[] }> {
  const [row] = await db.read<{ total: number; nodes: Meeting[] }>(q.MEETING_PAGE, {
    from: filter.from ?? null,
    to: filter.to ?? null,
    kind: filter.kind ?? null,
    ...page,
  });
  return row;
}

export const meetingById = keyedLoader<string, Meeting | null>({
  cypher: q.MEETINGS_BY_ID,
  value: "meeting",
  missing: null,
});

/** The meeting of an id that the graph must hold (a dangling reference is NOT_FOUND). */
export async function loadMeeting(ctx: Context, id: string): Promise<Meeting> {
  const meeting = await load(ctx, meetingById, id);
  if (!meeting) throw notFound(`meeting ${id} is missing`);
  return meeting;
}
