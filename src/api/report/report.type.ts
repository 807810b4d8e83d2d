import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../graphql/date.scalar";
import { Node } from "../graphql/node.type";

@ObjectType({ implements: Node, description: "One department's turn at one meeting, and its assessment." })
export class Report extends Node {
  __typename!: "Report";

  @Field(() => Int, { description: "Speaking order at the meeting, from 1." })
  order!: number;

  @Field({ description: "The speaker as the readout names it (市发展改革委, 石景山)." })
  subject!: string;

  @Field(() => DateScalar, { description: "Date of the meeting (YYYY-MM-DD)." })
  date!: string;

  meetingId!: string;
}
