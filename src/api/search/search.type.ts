import { Field, Float, Int, ObjectType } from "type-graphql";
import { Node, Typed } from "../graphql/node.type";

@ObjectType({ description: "A range of characters in a snippet." })
export class Highlight {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

@ObjectType({ description: "One search result." })
export class SearchHit {
  @Field(() => Float, { description: "Full-text relevance; higher is better." })
  score!: number;

  @Field({ description: "The matching text around the first match (… where cut)." })
  snippet!: string;

  @Field(() => [Highlight], { description: "Where the query words stand in the snippet." })
  highlights!: Highlight[];

  @Field(() => Node)
  node!: Typed;
}
