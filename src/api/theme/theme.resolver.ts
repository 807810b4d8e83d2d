import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Context, load } from "../graphql/context";
import { childrenByTheme, requestThemes, themeById } from "./theme.repository";
import { PolicyTheme } from "./theme.type";

@Resolver(() => PolicyTheme)
export class ThemeResolver {
  @Query(() => [PolicyTheme], { description: "The whole theme scheme: top-level themes first, then child themes." })
  themes(@Ctx() ctx: Context): Promise<PolicyTheme[]> {
    return requestThemes(ctx);
  }

  @FieldResolver(() => PolicyTheme, { nullable: true, description: "The broader theme; null for a top-level theme." })
  parent(@Root() theme: PolicyTheme, @Ctx() ctx: Context): Promise<PolicyTheme | null> | null {
    return theme.parentId ? load(ctx, themeById, theme.parentId) : null;
  }

  @FieldResolver(() => [PolicyTheme], { description: "Narrower themes." })
  children(@Root() theme: PolicyTheme, @Ctx() ctx: Context): Promise<PolicyTheme[]> {
    return load(ctx, childrenByTheme, theme.id);
  }
}
