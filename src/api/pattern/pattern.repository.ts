import { Queryable } from "../../platform/db/neo4j";
import type { Department } from "../department/department.type";
import { keyedLoader } from "../graphql/context";
import { sorted } from "../item/item.repository";
import type { ItemRecord } from "../item/item.type";
import type { Meeting } from "../meeting/meeting.type";
import type { PolicyTheme } from "../theme/theme.type";
import * as q from "./pattern.cypher";

export interface Window {
  from?: string | null;
  to?: string | null;
}

/** How a pattern counted shortcomings; its lists of shortcomings are fetched the same way. */
export interface Counting extends Window {
  primaryOnly: boolean;
}

const windowParams = (w: Window) => ({ from: w.from ?? null, to: w.to ?? null });
/** Without a window a pattern reads the all-time totals instead of the year tallies' lists. */
const allTime = (w: Window) => !w.from && !w.to;

export interface ThemeRecurrenceRecord {
  theme: PolicyTheme;
  departmentCount: number;
  shortcomingCount: number;
  /** Null when not asked for. */
  meetingCount: number | null;
  /** Empty when not asked for. */
  departments: Department[];
  counting: Counting;
}

const byName = (a: Department, b: Department) => a.name.localeCompare(b.name, "zh") || a.id.localeCompare(b.id);

const ALL_PARTS: q.RecurrenceParts = { departments: true, meetingCount: true };

/**
 * Themes flagged for at least `minDepartments` departments in the window, most widespread first;
 * of the costly parts only those in `parts` (all by default; the others are null or empty).
 */
export async function recurringShortcomingThemes(
  db: Queryable,
  args: Counting & { minDepartments: number },
  parts: q.RecurrenceParts = ALL_PARTS,
): Promise<ThemeRecurrenceRecord[]> {
  const cypher = allTime(args) ? q.recurringShortcomingThemesAllTime(parts) : q.recurringShortcomingThemes(parts);
  const rows = await db.read<Omit<ThemeRecurrenceRecord, "counting">>(cypher, {
    ...windowParams(args),
    minDepartments: args.minDepartments,
    primaryOnly: args.primaryOnly,
  });
  const counting = { ...windowParams(args), primaryOnly: args.primaryOnly };
  return rows.map((row) => ({ ...row, departments: row.departments.sort(byName), counting }));
}

export interface ShortcomingPersistenceRecord {
  department: Department;
  theme: PolicyTheme;
  meetingCount: number;
  /** Null when counted from the all-time totals: `persistenceMeetingIds` lists them on demand. */
  meetingIds: string[] | null;
  shortcomingCount: number;
  counting: Counting;
}

/**
 * Department × theme pairs flagged at `minMeetings` or more meetings, most persistent first; the
 * windowed read lists each pair's meeting ids only `withMeetingIds` (else they load on demand).
 */
export async function persistentShortcomings(
  db: Queryable,
  args: Counting & { minMeetings: number; departmentId?: string | null; themeId?: string | null },
  withMeetingIds = true,
): Promise<ShortcomingPersistenceRecord[]> {
  const cypher = allTime(args) ? q.PERSISTENT_SHORTCOMINGS_ALL_TIME : q.persistentShortcomings(withMeetingIds);
  const rows = await db.read<Omit<ShortcomingPersistenceRecord, "counting">>(cypher, {
    ...windowParams(args),
    minMeetings: args.minMeetings,
    departmentId: args.departmentId ?? null,
    themeId: args.themeId ?? null,
    primaryOnly: args.primaryOnly,
  });
  const counting = { ...windowParams(args), primaryOnly: args.primaryOnly };
  return rows.map((row) => ({ ...row, counting }));
}

/**
 * A loader whose keys are JSON objects: one query gets them all as `$keys` (each with its `key`)
 * and answers a row per key.
 */
function jsonKeyLoader<R, V>(cypher: string, valueOf: (row: R) => V, missing: V) {
  return keyedLoader<string, V, undefined, R & { key: string }>({
    cypher,
    params: (keys) => ({ keys: keys.map((key) => ({ key, ...(JSON.parse(key) as object) })) }),
    key: (r) => r.key,
    value: valueOf,
    missing,
  });
}

/** A department × theme pair and how its shortcomings were counted. */
export interface PersistenceKey extends Counting {
  departmentId: string;
  themeId: string;
}

/** The ids of the meetings that flagged each pair; keys are JSON PersistenceKey. */
export const persistenceMeetingIds = jsonKeyLoader<{ meetingIds: string[] }, string[]>(
  q.PERSISTENCE_MEETING_IDS,
  (r) => r.meetingIds,
  [],
);

/** What a list of recent shortcomings is asked for: a theme, optionally one department's, a window. */
export interface RecentShortcomingsKey extends Counting {
  themeId: string;
  departmentId?: string;
  limit: number;
}

function recentLoader(cypher: string) {
  return jsonKeyLoader<{ items: ItemRecord[] }, ItemRecord[]>(cypher, (r) => r.items.map(sorted), []);
}

/** Newest shortcomings about a theme in a window; keys are JSON RecentShortcomingsKey without departmentId. */
export const recentShortcomingsOfTheme = recentLoader(q.RECENT_SHORTCOMINGS_OF_THEME);

/** Newest shortcomings of a department about a theme in a window; keys are JSON RecentShortcomingsKey. */
export const recentShortcomingsOfDepartment = recentLoader(q.RECENT_SHORTCOMINGS_OF_DEPARTMENT);

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

interface MatrixRow {
  department: Department;
  themeId: string | null;
  achievements: number;
  shortcomings: number;
  directives: number;
}

/** The departments × top-level themes matrix of the window (departments with no item are left out). */
export async function themeMatrix(
  db: Queryable,
  themes: PolicyTheme[],
  args: Window & { kind?: string | null },
): Promise<ThemeMatrixRecord> {
  const rows = await db.read<MatrixRow>(allTime(args) ? q.THEME_MATRIX_ALL_TIME : q.THEME_MATRIX, {
    ...windowParams(args),
    kind: args.kind ?? null,
    columns: themes.map((t) => t.id),
  });
  const column = new Map(themes.map((t, i) => [t.id, i]));
  const byDepartment = new Map<string, ThemeMatrixRecord["rows"][number]>();
  for (const { department, themeId, achievements, shortcomings, directives } of rows) {
    let row = byDepartment.get(department.id);
    if (!row) {
      const cells = themes.map((theme) => ({ theme, achievements: 0, shortcomings: 0, directives: 0 }));
      row = { department, cells, achievements: 0, shortcomings: 0, directives: 0 };
      byDepartment.set(department.id, row);
    }
    const target = themeId === null ? row : row.cells[column.get(themeId) ?? -1];
    if (target) Object.assign(target, { achievements, shortcomings, directives });
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
  const rows = await db.read<Omit<ThemeCoverageRecord, "directed">>(
    allTime(window) ? q.DIRECTIVE_COVERAGE_ALL_TIME : q.DIRECTIVE_COVERAGE,
    windowParams(window),
  );
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
  const { themeId, departmentId } = args;
  const cypher =
    themeId && departmentId
      ? q.TIMELINE.departmentTheme
      : themeId
        ? q.TIMELINE.theme
        : departmentId
          ? q.TIMELINE.department
          : q.TIMELINE.all;
  const rows = await db.read<Omit<TimelinePointRecord, "date">>(cypher, {
    ...windowParams(args),
    themeId: themeId ?? null,
    departmentId: departmentId ?? null,
  });
  return rows.map((r) => ({ ...r, date: r.meeting.date }));
}
