import { Field, ID, InterfaceType } from "type-graphql";

/** Every record a resolver returns names its GraphQL type, so interfaces resolve without classes. */
export interface Typed {
  __typename: string;
}

@InterfaceType("Node", {
  description: "Any entity of the graph. Ids are stable across re-ingests and unique across types.",
  resolveType: (value: Typed) => value.__typename,
})
export abstract class Node {
  @Field(() => ID)
  id!: string;

  @Field({
    description:
      "The entity's dereferenceable IRI ({PUBLIC_BASE_URL}/id/{type}/{id}): JSON-LD, Turtle or HTML by content negotiation.",
  })
  iri!: string;
}
