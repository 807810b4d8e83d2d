import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { addresseesByDirective } from "../department/department.repository";
import { Department } from "../department/department.type";
import { Context, load } from "../graphql/context";
import { ItemResolver } from "../item/item.resolver";
import { ItemRecord } from "../item/item.type";
import { Directive, DirectiveConnection } from "./directive.type";

@Resolver(() => Directive)
export class DirectiveResolver extends ItemResolver({
  kind: "Directive",
  type: Directive,
  connection: DirectiveConnection,
  listName: "directives",
  listDescription: "Directives across meetings, newest meeting first; departmentId means addressed to it.",
}) {
  @FieldResolver(() => [Department], { description: "Departments the text names as addressees." })
  addressees(@Root() directive: ItemRecord, @Ctx() ctx: Context): Promise<Department[]> {
    return load(ctx, addresseesByDirective, directive.id);
  }
}
