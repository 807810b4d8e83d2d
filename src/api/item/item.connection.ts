import { ConnectionResult, pageOf, toConnection } from "../graphql/connection";
import { byDepartment } from "../department/department.repository";
import { badInput } from "../../platform/errors";
import { Context } from "../graphql/context";
import { checkWindow } from "../graphql/date.scalar";
import { ItemFilterArgs } from "./item.args";
import { nodeSelection, selectionOf, SelectionInfo } from "../graphql/selection";
import { ItemFilter, itemProjection } from "./item.cypher";
import { ItemKind } from "../../model/graph.cypher";
import { itemPage } from "./item.repository";
import { checkThemeFilter } from "../../model/theme.catalog";
import { ItemRecord } from "./item.type";

/**
 * A validated page of items for connection arguments, with `fixed` filters taking precedence; with
 * `info`, the items hold only what its selection of nodes needs.
 */
export async function itemConnection(
  ctx: Context,
  kind: ItemKind,
  { first, after, ...filter }: ItemFilterArgs,
  fixed: ItemFilter = {},
  info?: SelectionInfo,
): Promise<ConnectionResult<ItemRecord>> {
  const page = pageOf({ first, after });
  checkWindow(filter.from, filter.to);
  checkThemeFilter(filter.themeId);
  const projection = info ? itemProjection(kind, nodeSelection(selectionOf(info))) : undefined;
  const read = (departmentId?: string | null) =>
    itemPage(ctx.db, kind, { ...filter, ...fixed, ...(departmentId ? { departmentId } : {}) }, page, projection);
  const { total, nodes } =
    filter.departmentId && fixed.departmentId === undefined
      ? await byDepartment(ctx, filter.departmentId, badInput, read, (r) => r.total > 0)
      : await read();
  return toConnection(nodes, total, page);
}
