import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../graphql/date.scalar";
import { Connection } from "../graphql/connection";
import { Node } from "../graphql/node.type";

/** Meeting kinds; the values are those of the extraction format and the graph. */
export enum MeetingKind {
  MUNICIPAL_DEPARTMENTS = "municipal-departments",
  DISTRICTS = "districts",
  SOES = "soes",
  STREETS = "streets",
  OTHER = "other",
}

registerEnumType(MeetingKind, {
  name: "MeetingKind",
  description: "Who reports at the meeting.",
  valuesConfig: {
    MUNICIPAL_DEPARTMENTS: { description: "Party secretaries of municipal departments (市直部门)." },
    DISTRICTS: { description: "District party secretaries (区委书记)." },
    SOES: { description: "State-owned enterprises (市管企业)." },
    STREETS: { description: "Streets, towns and townships (街乡镇)." },
    OTHER: { description: "Any other review meeting, e.g. a district's own." },
  },
});

@ObjectType({ implements: Node, description: "A work-review meeting (月度工作点评会) as one readout records it." })
export class Meeting extends Node {
  __typename!: "Meeting";

  @Field(() => DateScalar)
  date!: string;

  @Field()
  title!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;
}

export const MeetingConnection = Connection(Meeting, "Meeting");
