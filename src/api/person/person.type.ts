import { Field, ObjectType } from "type-graphql";
import { Node } from "../graphql/node.type";

@ObjectType({ implements: Node, description: "A person who chairs or attends meetings, named without titles." })
export class Person extends Node {
  __typename!: "Person";

  @Field({ description: "Chinese name as published, without titles (蔡奇)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Name in pinyin, where known (Cai Qi)." })
  nameEn!: string | null;
}
