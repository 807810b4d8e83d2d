import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";

import { ConnectionResult, PageArgs, pageOf, toConnection } from "../graphql/connection";
import { Context, load } from "../graphql/context";
import { nodeSelection, selectionOf } from "../graphql/selection";

import { PolicyTheme } from "../theme/theme.type";
import { DepartmentKind } from "../../model/department-kind";
import {
  departmentById,
  departmentPage,
  departmentProjection,
  loadAssignedThemes,
  partsByDepartment,
  themesByDepartment,
} from "./department.repository";
import { Department, DepartmentConnection } from "./department.type";

@ArgsType()
class DepartmentsArgs extends PageArgs {
  @Field(() => DepartmentKind, { nullable: true })
  kind?: DepartmentKind | null;

  @Field(() => String, {
    nullable: true,
    description: "Only departments whose name, full name or an alias contains this (either script).",
  })
  contains?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Only the parts of this body (a district's bureaus, towns and streets; Beijing's districts and departments).",
  })
  parentId?: string | null;
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => DepartmentConnection, { description: "Departments, those that reported most first." })
  async departments(
    @Args() { first, after, ...filter }: DepartmentsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<Department>> {
    const page = pageOf({ first, after });
    const projection = departmentProjection(nodeSelection(selectionOf(info)));
    const { total, nodes } = await departmentPage(ctx.db, page, filter, projection);
    return toConnection(nodes, total, page);
  }

  @Query(() => Department, { nullable: true, description: "A department by id; null when unknown." })
  department(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Department | null> {
    return load(ctx, departmentById, id, departmentProjection(selectionOf(info)));
  }

  @FieldResolver(() => Department, {
    nullable: true,
    description: "The body it is part of (通州区科委 → 通州区 → 北京市); null for a top-level body.",
  })
  parent(
    @Root() department: Department,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Department | null> {
    return department.parentId
      ? load(ctx, departmentById, department.parentId, departmentProjection(selectionOf(info)))
      : Promise.resolve(null);
  }

  @FieldResolver(() => [Department], { description: "The bodies that are part of it, by name." })
  parts(@Root() department: Department, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Department[]> {
    return load(ctx, partsByDepartment, department.id, departmentProjection(selectionOf(info)));
  }

  @FieldResolver(() => [PolicyTheme], {
    description: "Themes of its achievements and shortcomings, most frequent first.",
  })
  themes(@Root() department: Department, @Ctx() ctx: Context): Promise<PolicyTheme[]> {
    return load(ctx, themesByDepartment, department.id);
  }

  @FieldResolver(() => [PolicyTheme], {
    description:
      "Its portfolio: the policy themes it is assigned (curated, else read from its name; none for a district or town). An item whose words give no theme takes these (reason portfolio:…); they also break ties.",
  })
  assignedThemes(@Root() department: Department, @Ctx() ctx: Context): Promise<PolicyTheme[]> {
    return loadAssignedThemes(ctx, department);
  }
}
