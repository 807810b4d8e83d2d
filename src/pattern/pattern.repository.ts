import { Queryable } from "../db/neo4j";
import type { Department } from "../department/department.type";
import type { ItemRecord } from "../item/item.type";
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
    for (const s of row.shortcomings) s.tags.sort((a, b) => a.rank - b.rank);
  }
  return rows;
}
