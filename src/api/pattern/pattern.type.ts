import { Field, Float, Int, ObjectType } from "type-graphql";
import { Department } from "../department/department.type";
import { DateScalar } from "../graphql/date.scalar";
import { Meeting } from "../meeting/meeting.type";
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
}

@ObjectType({ description: "A department flagged for the same theme at several meetings." })
export class ShortcomingPersistence {
  @Field(() => Department)
  department!: Department;

  @Field(() => PolicyTheme)
  theme!: PolicyTheme;

  @Field(() => Int, { description: "At how many meetings the department was flagged on the theme." })
  meetingCount!: number;

  @Field(() => Int, { description: "How many of its shortcomings are about the theme." })
  shortcomingCount!: number;
}

@ObjectType({ description: "One cell of the theme matrix: a department's items about a top-level theme." })
export class ThemeMatrixCell {
  @Field(() => PolicyTheme)
  theme!: PolicyTheme;

  @Field(() => Int)
  achievements!: number;

  @Field(() => Int)
  shortcomings!: number;

  @Field(() => Int, { description: "Directives addressed to the department about the theme." })
  directives!: number;
}

@ObjectType({ description: "One department's row of the theme matrix." })
export class ThemeMatrixRow {
  @Field(() => Department)
  department!: Department;

  @Field(() => [ThemeMatrixCell], { description: "One cell per column theme, in the order of ThemeMatrix.themes." })
  cells!: ThemeMatrixCell[];

  @Field(() => Int)
  achievements!: number;

  @Field(() => Int)
  shortcomings!: number;

  @Field(() => Int)
  directives!: number;
}

@ObjectType({
  description:
    "Departments × top-level themes with achievement, shortcoming and directive counts per cell; a tag on a narrower theme counts for its top-level theme.",
})
export class ThemeMatrix {
  @Field(() => [PolicyTheme], { description: "The columns: every top-level theme, in its fixed order." })
  themes!: PolicyTheme[];

  @Field(() => [ThemeMatrixRow], { description: "Departments with any item in the window, most shortcomings first." })
  rows!: ThemeMatrixRow[];
}

@ObjectType({ description: "A department whose shortcoming themes overlap another's." })
export class SimilarDepartment {
  @Field(() => Department)
  department!: Department;

  @Field(() => Float, { description: "Jaccard index of the two sets of shortcoming themes: |shared| / |union|." })
  score!: number;

  @Field(() => [PolicyTheme])
  sharedThemes!: PolicyTheme[];
}

@ObjectType({
  description: "How a theme's shortcomings were followed by directives about it at the same or later meetings.",
})
export class ThemeCoverage {
  @Field(() => PolicyTheme)
  theme!: PolicyTheme;

  @Field(() => Int, { description: "Shortcomings about the theme in the window." })
  shortcomingCount!: number;

  @Field(() => Int)
  departmentCount!: number;

  @Field(() => Int, {
    description: "Directives about the theme from the first shortcoming's meeting to the window's end.",
  })
  directiveCount!: number;

  @Field(() => Int, { description: "Shortcomings with a directive about the theme at the same or a later meeting." })
  coveredShortcomings!: number;

  @Field(() => Int, { description: "Shortcomings no directive about the theme followed: the gaps left standing." })
  uncoveredShortcomings!: number;

  @Field(() => DateScalar, { nullable: true, description: "Date of the last directive about the theme." })
  lastDirected!: string | null;

  @Field({ description: "False for a theme flagged but never directed on." })
  directed!: boolean;
}

@ObjectType({ description: "Item counts of one meeting, for plotting." })
export class TimelinePoint {
  @Field(() => Meeting)
  meeting!: Meeting;

  @Field(() => DateScalar)
  date!: string;

  @Field(() => Int)
  achievements!: number;

  @Field(() => Int)
  shortcomings!: number;

  @Field(() => Int)
  directives!: number;
}
