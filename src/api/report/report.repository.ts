import { keyedLoader } from "../graphql/context";
import type { History } from "../graphql/history.args";
import * as q from "./report.cypher";
import type { Report } from "./report.type";

export const reportById = keyedLoader<string, Report | null>({
  cypher: q.REPORTS_BY_ID,
  value: "report",
  missing: null,
});

export const reportsByMeeting = keyedLoader<string, Report[]>({
  cypher: q.REPORTS_BY_MEETING,
  value: "reports",
  missing: [],
});

/** A department's reports, newest first; with a history, only those it bounds. */
export const reportsByDepartment = keyedLoader<string, Report[], History>({
  cypher: (history) => (history ? q.reportsByDepartmentWithin(history.last !== null) : q.REPORTS_BY_DEPARTMENT),
  params: (ids, history) => ({ ids, ...history }),
  value: "reports",
  missing: [],
});
