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

export interface ThemeMatrixRecord {
  themes: PolicyTheme[];
  rows: {
    department: Department;
    cells: { theme: PolicyTheme; achievements: number; shortcomings: number; directives: number }[];
    achievements: number;
    shortcomings: number;
    directives: number;
  }[];
}

type Measure = "achievements" | "shortcomings" | "directives";

/** The departments × top-level themes matrix of the window (departments with no item are left out). */
export async function themeMatrix(
  db: Queryable,
  themes: PolicyTheme[],
  args: Window & { kind?: string | null },
): Promise<ThemeMatrixRecord> {
  const rows = await db.read<{ department: Department; themeId: string | null; what: Measure; n: number }>(
    q.THEME_MATRIX,
    {
      from: args.from ?? null,
      to: args.to ?? null,
      kind: args.kind ?? null,
    },
  );
  const column = new Map(themes.map((t, i) => [t.id, i]));
  const byDepartment = new Map<string, ThemeMatrixRecord["rows"][number]>();
  for (const r of rows) {
    let row = byDepartment.get(r.department.id);
    if (!row) {
      const cells = themes.map((theme) => ({ theme, achievements: 0, shortcomings: 0, directives: 0 }));
      row = { department: r.department, cells, achievements: 0, shortcomings: 0, directives: 0 };
      byDepartment.set(r.department.id, row);
    }
    if (r.themeId === null) {
      row[r.what] = r.n;
      continue;
    }
    const i = column.get(r.themeId);
    if (i !== undefined) row.cells[i][r.what] = r.n;
  }
  const ordered = [...byDepartment.values()].sort(
    (a, b) => b.shortcomings - a.shortcomings || b.achievements - a.achievements || byName(a.department, b.department),
  );
  return { themes, rows: ordered };
}

export interface SimilarDepartmentRecord {
  department: Department;
  score: number;
  sharedThemes: PolicyTheme[];
}

/** Departments whose shortcoming themes overlap those of `id` most (Jaccard), best first. */
export function similarDepartments(db: Queryable, id: string, first: number): Promise<SimilarDepartmentRecord[]> {
  return db.read<SimilarDepartmentRecord>(q.SIMILAR_DEPARTMENTS, { id, first });
}

export interface ThemeCoverageRecord {
  theme: PolicyTheme;
  shortcomingCount: number;
  departmentCount: number;
  directiveCount: number;
  coveredShortcomings: number;
  uncoveredShortcomings: number;
  lastDirected: string | null;
  directed: boolean;
}

/** Per theme flagged in the window: its shortcomings and the directives that followed. */
export async function directiveCoverage(db: Queryable, window: Window): Promise<ThemeCoverageRecord[]> {
  const rows = await db.read<Omit<ThemeCoverageRecord, "directed">>(q.DIRECTIVE_COVERAGE, {
    from: window.from ?? null,
    to: window.to ?? null,
  });
  return rows.map((r) => ({ ...r, directed: r.directiveCount > 0 }));
}

export interface TimelinePointRecord {
  meeting: Meeting;
  date: string;
  achievements: number;
  shortcomings: number;
  directives: number;
}

/** Item counts per meeting, oldest first. */
export async function timeline(
  db: Queryable,
  args: Window & { themeId?: string | null; departmentId?: string | null },
): Promise<TimelinePointRecord[]> {
  const rows = await db.read<Omit<TimelinePointRecord, "date">>(q.TIMELINE, {
    from: args.from ?? null,
    to: args.to ?? null,
    themeId: args.themeId ?? null,
    departmentId: args.departmentId ?? null,
  });
  return rows.map((r) => ({ ...r, date: r.meeting.date }));
}
