import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { Node } from "../graphql/node.type";
import { DepartmentKind } from "../../model/department-kind";

registerEnumType(DepartmentKind, {
  name: "DepartmentKind",
  description: "What kind of body a department is.",
  valuesConfig: {
    CITY: { description: "A city: Beijing (the host of the 市委's meetings) or another city (宁波市)." },
    COUNTY: { description: "A county outside Beijing (武川县)." },
    MUNICIPAL_DEPARTMENT: { description: "A city's commission, bureau or office (市发展改革委)." },
    DISTRICT: { description: "A district, or the Economic-Technological Development Area (石景山区)." },
    DISTRICT_DEPARTMENT: {
      description: "A district's or county's bureau, commission or party department (通州区科委, 区委教育工委).",
    },
    TOWN: { description: "A town or township below a district or county (汤河口镇, 长哨营满族乡)." },
    STREET: { description: "A street (subdistrict) below a district (大台街道)." },
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

  /** The id of the body it is part of (resolved by the `parent` field). */
  parentId!: string | null;
  /** Its portfolio's theme ids as written at ingest; null on a node written before portfolios. */
  assignedThemeIds!: string[] | null;
}

export const DepartmentConnection = Connection(Department, "Department");
