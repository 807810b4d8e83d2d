import type { GraphQLResolveInfo } from "graphql";
import { Args, ClassType, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";

import { loadReportDepartment } from "../department/department.repository";
import { Department } from "../department/department.type";
import { notFound } from "../../platform/errors";
import { ConnectionResult } from "../graphql/connection";
import { Context, load, LoaderDef } from "../graphql/context";
import type { Projection } from "../graphql/projection";
import { selectionOf, SelectionInfo } from "../graphql/selection";
import { loadMeeting } from "../meeting/meeting.repository";
import { Meeting } from "../meeting/meeting.type";
import { reportById } from "../report/report.repository";
import { Report } from "../report/report.type";
import { requestThemesById } from "../theme/theme.repository";
import { PolicyTheme, ThemeTag } from "../theme/theme.type";
import { ItemFilterArgs } from "./item.args";
import { itemProjection } from "./item.cypher";
import { ItemKind } from "../../model/graph.cypher";
import { itemConnection } from "./item.connection";
import { Evidence, EvidenceRecord, ItemRecord } from "./item.type";

/** The themes of an item's tags (in their order), taken from the request's scheme. */
async function themesOf(ctx: Context, itemId: string, tags: readonly { themeId: string }[]): Promise<PolicyTheme[]> {
  const themes = await requestThemesById(ctx);
  return tags.map(({ themeId }) => {
    const theme = themes.get(themeId);
    if (!theme) throw notFound(`theme ${themeId} of item ${itemId} is missing`);
    return theme;
  });
}

/** An item's tags with their themes. */
async function taggedThemes(ctx: Context, item: ItemRecord): Promise<ThemeTag[]> {
  const themes = await themesOf(ctx, item.id, item.tags);
  return item.tags.map(({ themeId: _themeId, ...tag }, i) => ({ ...tag, theme: themes[i] }));
}

/**
 * Items of a parent through a batched loader, reading what the field's selection needs: one batch
 * per loader and selection, however many parents.
 */
export function loadItems(
  ctx: Context,
  def: LoaderDef<string, ItemRecord[], Projection>,
  kind: ItemKind,
  parentId: string,
  info: SelectionInfo,
): Promise<ItemRecord[]> {
  return load(ctx, def, parentId, itemProjection(kind, selectionOf(info)));
}

/** What an item type's resolver is built from. */
export interface ItemTypeSpec<T extends object> {
  kind: ItemKind;
  type: ClassType<T>;
  connection: ClassType<object>;
  /** Name of the root connection field, e.g. "shortcomings". */
  listName: string;
  listDescription: string;
}

/** The root connection of an item type and the field resolvers every item type shares. */
export function ItemResolver<T extends object>(spec: ItemTypeSpec<T>) {
  @Resolver(() => spec.type)
  abstract class ItemFields {
    @Query(() => spec.connection, { name: spec.listName, description: spec.listDescription })
    list(
      @Args() args: ItemFilterArgs,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<ConnectionResult<ItemRecord>> {
      return itemConnection(ctx, spec.kind, args, {}, info);
    }

    @FieldResolver(() => [PolicyTheme], { description: "Themes of the item, most fitting first." })
    async themes(@Root() item: ItemRecord, @Ctx() ctx: Context): Promise<PolicyTheme[]> {
      return themesOf(ctx, item.id, item.themeRefs ?? item.tags);
    }

    @FieldResolver(() => [ThemeTag], { description: "Theme tags with their rank and the rule that gave each." })
    themeTags(@Root() item: ItemRecord, @Ctx() ctx: Context): Promise<ThemeTag[]> {
      return taggedThemes(ctx, item);
    }

    @FieldResolver(() => Evidence, { description: "Where the item stands in its source document." })
    evidence(@Root() item: ItemRecord): EvidenceRecord {
      const { documentId, start, end, sentenceStart, sentenceEnd, quote, sentenceText } = item;
      return { documentId, start, end, sentenceStart, sentenceEnd, quote, sentenceText };
    }

    @FieldResolver(() => Meeting)
    meeting(@Root() item: ItemRecord, @Ctx() ctx: Context): Promise<Meeting> {
      return loadMeeting(ctx, item.meetingId);
    }
  }
  return ItemFields;
}

/** ItemResolver plus the fields of items that belong to a report (achievements, shortcomings). */
export function ReportItemResolver<T extends object>(spec: ItemTypeSpec<T>) {
  @Resolver(() => spec.type)
  abstract class ReportItemFields extends ItemResolver(spec) {
    @FieldResolver(() => Report, { description: "The report whose assessment names the item." })
    async report(@Root() item: ItemRecord, @Ctx() ctx: Context): Promise<Report> {
      const report = await load(ctx, reportById, item.reportId!);
      if (!report) throw notFound(`report ${item.reportId} is missing`);
      return report;
    }

    @FieldResolver(() => Department, { description: "The department the item is about (the first, when joint)." })
    department(@Root() item: ItemRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Department> {
      return loadReportDepartment(ctx, item.reportId!, selectionOf(info));
    }
  }
  return ReportItemFields;
}
