import { ObjectType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { Node } from "../graphql/node.type";
import { Item } from "../item/item.type";

@ObjectType({ implements: Node, description: "What a meeting directed (会议强调/要求 … 要 …), one clause." })
export class Directive extends Item {
  __typename!: "Directive";
}

export const DirectiveConnection = Connection(Directive, "Directive");
