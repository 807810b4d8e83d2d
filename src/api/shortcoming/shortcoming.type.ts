import { ObjectType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { Node } from "../graphql/node.type";
import { Item } from "../item/item.type";

@ObjectType({
  implements: Node,
  description: "Where the chair found a department falls short, one entry of the list closing its assessment.",
})
export class Shortcoming extends Item {
  __typename!: "Shortcoming";
}

export const ShortcomingConnection = Connection(Shortcoming, "Shortcoming");
