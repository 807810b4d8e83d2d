import { byKeys, defineLoader } from "../graphql/context";
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

export const reportsByDepartment = defineLoader<string, Report[]>(async (db, ids) => {
  const rows = await db.read<{ id: string; reports: Report[] }>(q.REPORTS_BY_DEPARTMENT, { ids });
  return byKeys(
    ids,
    rows,
    (r) => r.id,
    (r) => r.reports,
    [],
  );
});
