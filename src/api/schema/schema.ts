import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchemaSync, NonEmptyArray } from "type-graphql";
import { AchievementResolver } from "../achievement/achievement.resolver";
import { CorrectionResolver } from "../correction/correction.resolver";
import { ReviewResolver } from "../correction/review.resolver";
import { DepartmentCorrectionsResolver, ReportCorrectionsResolver } from "../correction/targets.resolver";
import { DirectiveAddressResolver, ShortcomingAddressResolver } from "../inference/inference.resolver";
import { DepartmentResolver } from "../department/department.resolver";
import { DirectiveResolver } from "../directive/directive.resolver";
import { DocumentResolver } from "../document/document.resolver";
import { ExploreResolver } from "../neighborhood/neighborhood.resolver";
import { IngestResolver } from "../ingest/ingest.resolver";
import { ReextractResolver } from "../ingest/reextract.resolver";
import { EvidenceResolver } from "../item/evidence.resolver";
import { MeetingResolver } from "../meeting/meeting.resolver";
import { NodeResolver } from "../node/node.resolver";
import { PatternResolver, ShortcomingPersistenceResolver, ThemeRecurrenceResolver } from "../pattern/pattern.resolver";
import { PersonResolver } from "../person/person.resolver";
import { ReportResolver } from "../report/report.resolver";
import { SearchResolver } from "../search/search.resolver";
import { ShortcomingResolver } from "../shortcoming/shortcoming.resolver";
import { ThemeResolver } from "../theme/theme.resolver";
import * as achievementLinks from "../achievement/links.resolver";
import * as correctionLinks from "../correction/links.resolver";
import * as departmentLinks from "../department/links.resolver";
import * as directiveLinks from "../directive/links.resolver";
import * as documentLinks from "../document/links.resolver";
import * as nodeLinks from "../node/links.resolver";
import * as personLinks from "../person/links.resolver";
import * as reportLinks from "../report/links.resolver";
import * as shortcomingLinks from "../shortcoming/links.resolver";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  DepartmentResolver,
  MeetingResolver,
  ReportResolver,
  AchievementResolver,
  ShortcomingResolver,
  DirectiveResolver,
  EvidenceResolver,
  ThemeResolver,
  DocumentResolver,
  PersonResolver,
  PatternResolver,
  ThemeRecurrenceResolver,
  ShortcomingPersistenceResolver,
  SearchResolver,
  IngestResolver,
  CorrectionResolver,
  ReviewResolver,
  ReportCorrectionsResolver,
  DepartmentCorrectionsResolver,
  ReextractResolver,
  ShortcomingAddressResolver,
  DirectiveAddressResolver,
  ExploreResolver,
  // Fields of one aggregate's type that lead to another, kept in the higher folder (api/README.md).
  ...Object.values(personLinks),
  ...Object.values(documentLinks),
  ...Object.values(departmentLinks),
  ...Object.values(reportLinks),
  ...Object.values(directiveLinks),
  ...Object.values(achievementLinks),
  ...Object.values(shortcomingLinks),
  ...Object.values(correctionLinks),
  ...Object.values(nodeLinks),
];

let schema: GraphQLSchema | undefined;

/** The GraphQL schema (built once per process from the resolver classes). */
export function graphqlSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({ resolvers, validate: false });
  return schema;
}

/** The schema as SDL, sorted, as committed in schema/schema.graphql. */
export function schemaSdl(): string {
  return printSchema(lexicographicSortSchema(graphqlSchema())) + "\n";
}
