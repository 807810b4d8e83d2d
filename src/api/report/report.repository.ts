import { byKeys, defineLoader } from "../graphql/context";
import type { History } from "../graphql/history.args";
import * as q from "./report.cypher";
import type { Report } from "./report.type";

export const reportById = defineLoader<string, Report | null>(async (db, ids) => {
  const rows = await db.read<{ id: string; report: Report }>(q.REPORTS_BY_ID, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.report,
    null,
  );
});

export const reportsByMeeting = defineLoader<string, Report[]>(async (db, ids) => {
  const rows = await db.read<{ id: string; reports: Report[] }>(q.REPORTS_BY_MEETING, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.reports,
    [],
  );
});

/** A department's reports, newest first; with a history, only those it bounds. */
export const reportsByDepartment = defineLoader<string, Report[], History>(async (db, ids, history) => {
  const rows = await db.read<{ id: string; reports: Report[] }>(
    history ? q.reportsByDepartmentWithin(history.last !== null) : q.REPORTS_BY_DEPARTMENT,
    history ? { ids, ...history } : { ids },
  );
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.reports,
    [],
  );
});
