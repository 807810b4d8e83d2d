import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
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

/** Who gave a theme tag. */
export enum TagSource {
  EXTRACTOR = "EXTRACTOR",
  CURATOR = "CURATOR",
}

registerEnumType(TagSource, {
  name: "TagSource",
  description: "Who gave a theme tag.",
  valuesConfig: {
    EXTRACTOR: { description: "The extractor's rules (keyword, rule, context or portfolio)." },
    CURATOR: { description: "A curator's correction (setItemThemes or addItem); its reason is the correction's." },
  },
});

@ObjectType({ description: "Why an item is about a theme: the tag, its rank and the rule that gave it." })
export class ThemeTag {
  @Field(() => PolicyTheme)
  theme!: PolicyTheme;

  @Field(() => Int, { description: "0 for the most fitting theme of the item, then 1, 2 …" })
  rank!: number;

  @Field({
    description:
      "The keyword or rule that fired, e.g. \"keyword:全面从严治党\"; for a curator's tag, the correction's reason.",
  })
  reason!: string;

  @Field(() => TagSource, { description: "EXTRACTOR, or CURATOR when a correction set the item's themes." })
  source!: TagSource;
}
