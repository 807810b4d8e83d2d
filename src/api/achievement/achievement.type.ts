import { ObjectType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { Node } from "../graphql/node.type";
import { Item } from "../item/item.type";

@ObjectType({ implements: Node, description: "What the chair praised a department for, one clause of its assessment." })
export class Achievement extends Item {
  __typename!: "Achievement";
}

export const AchievementConnection = Connection(Achievement, "Achievement");
