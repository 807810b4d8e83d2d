import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { Node } from "../graphql/node.type";
import { DepartmentKind } from "./department-kind";

registerEnumType(DepartmentKind, {
  name: "DepartmentKind",
  description: "What kind of body a department is.",
  valuesConfig: {
    MUNICIPAL_DEPARTMENT: { description: "A municipal commission, bureau or office (市发展改革委)." },
    DISTRICT: { description: "A district, or the Economic-Technological Development Area (石景山区)." },
    DISTRICT_DEPARTMENT: { description: "A district government's bureau (区生态环境局)." },
    STREET: { description: "A street, town or township: the 街乡镇 level (汤河口镇)." },
    ENTERPRISE: { description: "A state-owned enterprise (首钢集团)." },
    OTHER: { description: "Anything else." },
  },
});

@ObjectType({
  implements: Node,
  description:
    "A body that reports at meetings: one node per real body, whatever surface form or script a readout uses.",
})
export class Department extends Node {
  __typename!: "Department";

  @Field({ description: "Chinese name as readouts publish it (市发展改革委)." })
  name!: string;

  @Field({ description: "Official full Chinese name (北京市发展和改革委员会)." })
  fullName!: string;

  @Field(() => String, { nullable: true, description: "Official English name, where known." })
  nameEn!: string | null;

  @Field(() => [String], { description: "Other surface forms that resolve to this department." })
  aliases!: string[];

  @Field(() => DepartmentKind)
  kind!: DepartmentKind;

  @Field({ description: "False for a body first seen in a readout and not (yet) in the curated list." })
  curated!: boolean;

  /** Its portfolio's theme ids as written at ingest; null on a node written before portfolios. */
  assignedThemeIds!: string[] | null;
}

export const DepartmentConnection = Connection(Department, "Department");
