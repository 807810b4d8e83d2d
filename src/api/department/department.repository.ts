import { Queryable } from "../../platform/db/neo4j";
import { notFound } from "../../platform/errors";
import { Context, keyedLoader, load } from "../graphql/context";
import { Page } from "../graphql/connection";
import { Projection, projectionFor } from "../graphql/projection";
import type { Selection } from "../graphql/selection";
import { toSimplified } from "../../platform/text/chinese";
import { themeById } from "../theme/theme.repository";
import type { PolicyTheme } from "../theme/theme.type";
import * as q from "./department.cypher";
import { DepartmentKind } from "../../model/department-kind";
import { curatedDepartments } from "../../pipeline/registry/department.registry";
import { portfolioOf } from "../../pipeline/registry/portfolio";
import type { Department } from "./department.type";

/** One page of departments, optionally of one kind or matching a name, with the total. */
export async function departmentPage(
  db: Queryable,
  page: Page,
  filter: { kind?: DepartmentKind | null; contains?: string | null; parentId?: string | null },
  projection?: Projection,
): Promise<{ total: number; nodes: Department[] }> {
  const [row] = await db.read<{ total: number; nodes: Department[] }>(q.departmentPageQuery(projection), {
    ...page,
    kind: filter.kind ?? null,
    contains: filter.contains ? toSimplified(filter.contains) : null,
    parentId: filter.parentId ?? null,
  });
  return row;
}

/** The projection a department selection needs (every property without one). */
export const departmentProjection = (selection: Selection | undefined): Projection =>
  projectionFor(q.DEPARTMENT_SPEC, selection);

/** Departments by id (a merged-away id answers with the body it went into), reading the projection's properties. */
export const departmentById = keyedLoader<string, Department | null, Projection>({
  cypher: q.departmentsByIdQuery,
  value: "department",
  missing: null,
});

/**
 * Runs `query` for a department filter. When it finds nothing, the id is checked: unknown ids are
 * `refuse`d, and for an id a curator merged away the query runs again for the body it went into
 * (the id still answers for it, so a filter by it must find what moved there).
 */
export async function byDepartment<T>(
  ctx: Context,
  id: string,
  refuse: (message: string) => Error,
  query: (departmentId: string) => Promise<T>,
  found: (result: T) => boolean,
): Promise<T> {
  const result = await query(id);
  if (found(result)) return result;
  const department = await load(ctx, departmentById, id, ID_ONLY);
  if (!department) throw refuse(`no department has the id "${id}" (the query departments lists them)`);
  return department.id === id ? result : query(department.id);
}

const ID_ONLY = departmentProjection(new Map());

export const departmentsByReport = keyedLoader<string, Department[], Projection>({
  cypher: q.departmentsByReportQuery,
  value: "departments",
  missing: [],
});

export const addresseesByDirective = keyedLoader<string, Department[]>({
  cypher: q.ADDRESSEES_BY_DIRECTIVE,
  value: "departments",
  missing: [],
});

export const partsByDepartment = keyedLoader<string, Department[], Projection>({
  cypher: q.partsByDepartmentQuery,
  value: "departments",
  missing: [],
});

/** The body whose meeting it was (HELD_BY), by meeting id. */
export const hostByMeeting = keyedLoader<string, Department | null>({
  cypher: q.HOST_BY_MEETING,
  value: "department",
  missing: null,
});

export const themesByDepartment = keyedLoader<string, PolicyTheme[]>({
  cypher: q.THEMES_BY_DEPARTMENT,
  value: "themes",
  missing: [],
});

/**
 * The department of a report (the first, when two were assessed together), reading what
 * `selection` needs (all without one).
 */
export async function loadReportDepartment(ctx: Context, reportId: string, selection?: Selection): Promise<Department> {
  const [first] = await load(ctx, departmentsByReport, reportId, selection && departmentProjection(selection));
  if (!first) throw notFound(`report ${reportId} has no department`);
  return first;
}

/**
 * A department's assigned themes (its portfolio), in their order. A node written before portfolios
 * has none stored: its portfolio is read as ingest would write it (curated, else from its name).
 */
export async function loadAssignedThemes(ctx: Context, department: Department): Promise<PolicyTheme[]> {
  const ids =
    department.assignedThemeIds ??
    portfolioOf(
      curatedDepartments().find((e) => e.id === department.id) ?? { ...department, assignedThemes: undefined },
    );
  const themes = await Promise.all(ids.map((id) => load(ctx, themeById, id)));
  return themes.filter((t): t is PolicyTheme => t !== null);
}
