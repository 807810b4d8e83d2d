import { Queryable } from "../db/neo4j";
import type { Department } from "../department/department.type";
import { sorted } from "../item/item.repository";
import type { ItemRecord } from "../item/item.type";
import type { Meeting } from "../meeting/meeting.type";
import type { PolicyTheme } from "../theme/theme.type";
import * as q from "./pattern.cypher";

export interface Window {
  from?: string | null;
  to?: string | null;
}

export interface ThemeRecurrenceRecord {
  theme: PolicyTheme;
  departmentCount: number;
  shortcomingCount: number;
  meetingCount: number;
  departments: Department[];
  shortcomings: ItemRecord[];
}

const byName = (a: Department, b: Department) => a.name.localeCompare(b.name, "zh") || a.id.localeCompare(b.id);

/** Themes flagged for at least `minDepartments` departments in the window, most widespread first. */
export async function recurringShortcomingThemes(
  db: Queryable,
  args: Window & { minDepartments: number; primaryOnly: boolean; shortcomingLimit: number },
): Promise<ThemeRecurrenceRecord[]> {
  const rows = await db.read<ThemeRecurrenceRecord>(q.RECURRING_SHORTCOMING_THEMES, {
    from: args.from ?? null,
    to: args.to ?? null,
    minDepartments: args.minDepartments,
    primaryOnly: args.primaryOnly,
    shortcomingLimit: args.shortcomingLimit,
  });
  for (const row of rows) {
    row.departments.sort(byName);
    row.shortcomings.forEach(sorted);
  }
  return rows;
}

export interface ShortcomingPersistenceRecord {
  department: Department;
  theme: PolicyTheme;
  meetingCount: number;
  meetings: Meeting[];
  shortcomingCount: number;
  shortcomings: ItemRecord[];
}

/** Department × theme pairs flagged at `minMeetings` or more meetings, most persistent first. */
export async function persistentShortcomings(
  db: Queryable,
  args: Window & {
    minMeetings: number;
    departmentId?: string | null;
    themeId?: string | null;
    primaryOnly: boolean;
    shortcomingLimit: number;
  },
): Promise<ShortcomingPersistenceRecord[]> {
  const rows = await db.read<ShortcomingPersistenceRecord>(q.PERSISTENT_SHORTCOMINGS, {
    from: args.from ?? null,
    to: args.to ?? null,
    minMeetings: args.minMeetings,
    departmentId: args.departmentId ?? null,
    themeId: args.themeId ?? null,
    primaryOnly: args.primaryOnly,
    shortcomingLimit: args.shortcomingLimit,
  });
  for (const row of rows) {
    row.meetings.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
    row.shortcomings.forEach(sorted);
  }
  return rows;
}
