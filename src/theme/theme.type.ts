import { Field, ID, Int, ObjectType } from "type-graphql";
import { Node } from "../graphql/node.type";

@ObjectType({
  implements: Node,
  description: "A policy theme of the scheme: the fixed top-level themes and their child themes.",
})
export class PolicyTheme extends Node {
  __typename!: "PolicyTheme";

  @Field(() => ID, { description: "Fixed id, e.g. party-building." })
  declare id: string;

  @Field({ description: "Chinese label." })
  name!: string;

  @Field({ description: "English label." })
  nameEn!: string;

  parentId!: string | null;
  position!: number;
}

@ObjectType({ description: "Why an item is about a theme: the tag, its rank and the rule that gave it." })
export class ThemeTag {
  @Field(() => PolicyTheme)
  theme!: PolicyTheme;

  @Field(() => Int, { description: "0 for the most fitting theme of the item, then 1, 2 …" })
  rank!: number;

  @Field({ description: 'The keyword or rule that fired, e.g. "keyword:全面从严治党".' })
  reason!: string;
}
