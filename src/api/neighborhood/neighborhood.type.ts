import { Field, ID, Int, ObjectType } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { Node, Typed } from "../graphql/node.type";

@ObjectType({ description: "A typed edge between two entities, as the graph stores it (source → target)." })
export class GraphEdge {
  @Field({ description: "Relationship type, e.g. GAVE, FELL_SHORT, ABOUT, ADDRESSES (inferred)." })
  type!: string;

  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => GraphQLJSONObject, { description: "The relationship's properties (e.g. rank and reason of ABOUT)." })
  properties!: Record<string, unknown>;
}

@ObjectType({ description: "An entity and the nodes and edges around it, for explorers." })
export class Neighborhood {
  @Field(() => Node)
  center!: Typed;

  @Field(() => [Node], { description: "Every node reached, the center first." })
  nodes!: Typed[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field({ description: "True when caps (first, neighbours per node) left some of the neighbourhood out." })
  truncated!: boolean;
}

@ObjectType({ description: "A path between two entities." })
export class GraphPath {
  @Field(() => Int, { description: "Number of edges." })
  length!: number;

  @Field(() => [Node], { description: "The nodes along the path, from its start." })
  nodes!: Typed[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];
}
