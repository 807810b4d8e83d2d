import { Field, Int, ObjectType } from "type-graphql";
import { Department } from "../department/department.type";
import { ItemRecord } from "../item/item.type";
import { Meeting } from "../meeting/meeting.type";
import { Shortcoming } from "../shortcoming/shortcoming.type";
import { PolicyTheme } from "../theme/theme.type";

@ObjectType({ description: "A theme on which several departments were found to fall short." })
export class ThemeRecurrence {
  @Field(() => PolicyTheme)
  theme!: PolicyTheme;

  @Field(() => Int, { description: "How many departments were flagged on the theme in the window." })
  departmentCount!: number;

  @Field(() => [Department], { description: "The departments flagged, by name." })
  departments!: Department[];

  @Field(() => Int, { description: "How many shortcomings are about the theme in the window." })
  shortcomingCount!: number;

  @Field(() => Int, { description: "At how many meetings the theme was flagged in the window." })
  meetingCount!: number;

  @Field(() => [Shortcoming], {
    description: "The shortcomings, newest first; at most `shortcomingLimit` of them (see shortcomingCount).",
  })
  shortcomings!: ItemRecord[];
}

@ObjectType({ description: "A department flagged for the same theme at several meetings." })
export class ShortcomingPersistence {
  @Field(() => Department)
  department!: Department;

  @Field(() => PolicyTheme)
  theme!: PolicyTheme;

  @Field(() => Int, { description: "At how many meetings the department was flagged on the theme." })
  meetingCount!: number;

  @Field(() => [Meeting], { description: "Those meetings, newest first." })
  meetings!: Meeting[];

  @Field(() => Int, { description: "How many of its shortcomings are about the theme." })
  shortcomingCount!: number;

  @Field(() => [Shortcoming], { description: "The shortcomings, newest first; at most `shortcomingLimit` of them." })
  shortcomings!: ItemRecord[];
}
