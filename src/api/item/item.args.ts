import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "../graphql/connection";
import { DateScalar } from "../graphql/date.scalar";
import { DepartmentKind } from "../../model/department-kind";

@ArgsType()
export class ItemFilterArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only items about this theme or one of its narrower themes (an unknown id is refused).",
  })
  themeId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only items of this department (for directives: addressed to it); an unknown id is refused.",
  })
  departmentId?: string | null;

  @Field(() => DepartmentKind, { nullable: true, description: "Only items of departments of this kind." })
  departmentKind?: DepartmentKind | null;

  @Field(() => DateScalar, { nullable: true, description: "Only items of meetings on or after this date." })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only items of meetings on or before this date." })
  to?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only items whose text contains this string (simplified and traditional match alike).",
  })
  contains?: string | null;
}
