// The peer of bench/peer.bench.mjs: the same graph served by @neo4j/graphql, the library most users
// of GraphQL over Neo4j would pick instead of writing a service. Its type definitions map the
// stored model as it is (labels, relationship types, properties); generated queries answer what
// they can, and @cypher fields the rest (a department's themes, the pattern queries). Those
// statements read the graph as the readouts state it, items and their ABOUT edges: the tallies are
// this service's own design (src/pipeline/tally), not something a user of the library would have.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// A shortcoming or achievement counts for its themes and their broader themes (as in the service).
const ROLL_UP = "-[:ABOUT]->(:PolicyTheme)-[:BROADER*0..3]->";
// A @cypher field of a type that is not a node answers the map it returns as it is, nodes inside
// it included (their fields would be null): those are returned as maps of their fields.
const THEME_MAP = "t {.id, .name, .nameEn, .position}";

const item = (label, fromReport) => `
type ${label} @node {
  id: ID!
  text: String!
  seq: Int!
  position: Int!
  start: Int!
  end: Int!
  sentenceStart: Int!
  sentenceEnd: Int!
  date: Date!
  meetingId: String!
  documentId: String!
  report: Report @relationship(type: "${fromReport}", direction: IN)
  themes: [PolicyTheme!]! @relationship(type: "ABOUT", direction: OUT, properties: "About")
  "The sentence the item stands in: the library has no field resolver of its own for a slice of another node's text."
  sentence: String!
    @cypher(
      statement: """
      MATCH (d:Document {id: this.documentId})
      RETURN substring(d.text, this.sentenceStart, this.sentenceEnd - this.sentenceStart) AS sentence
      """
      columnName: "sentence"
    )
}`;

/** Type definitions of the stored graph for @neo4j/graphql 7. */
export const TYPE_DEFS = `#graphql
type Department @node {
  id: ID!
  name: String!
  fullName: String
  nameEn: String
  aliases: [String!]
  kind: String!
  curated: Boolean
  parent: Department @relationship(type: "PART_OF", direction: OUT)
  parts: [Department!]! @relationship(type: "PART_OF", direction: IN)
  reports: [Report!]! @relationship(type: "GAVE", direction: OUT)
  "How many reports it gave: the order of the service's department list."
  reportCount: Int! @cypher(statement: "RETURN COUNT { (this)-[:GAVE]->(:Report) } AS n", columnName: "n")
  "Themes of its achievements and shortcomings, most frequent first."
  themes: [PolicyTheme!]!
    @cypher(
      statement: """
      MATCH (this)-[:GAVE]->(:Report)-[:ACHIEVED|FELL_SHORT]->(x)-[:ABOUT]->(t:PolicyTheme)
      WITH t, count(x) AS n ORDER BY n DESC, t.position
      RETURN t
      """
      columnName: "t"
    )
}

type Meeting @node {
  id: ID!
  date: Date!
  title: String!
  kind: String!
  reports: [Report!]! @relationship(type: "AT", direction: IN)
}

type Report @node {
  id: ID!
  order: Int!
  subject: String!
  date: Date!
  meeting: Meeting @relationship(type: "AT", direction: OUT)
  departments: [Department!]! @relationship(type: "GAVE", direction: IN)
  achievements: [Achievement!]! @relationship(type: "ACHIEVED", direction: OUT)
  shortcomings: [Shortcoming!]! @relationship(type: "FELL_SHORT", direction: OUT)
}

type About @relationshipProperties {
  rank: Int!
  reason: String!
}

${item("Shortcoming", "FELL_SHORT")}
${item("Achievement", "ACHIEVED")}

type PolicyTheme @node {
  id: ID!
  name: String!
  nameEn: String!
  position: Int!
  broader: PolicyTheme @relationship(type: "BROADER", direction: OUT)
  children: [PolicyTheme!]! @relationship(type: "BROADER", direction: IN)
}

type ThemeRecurrence {
  theme: PolicyTheme!
  departmentCount: Int!
  shortcomingCount: Int!
}

type ShortcomingPersistence {
  theme: PolicyTheme!
  meetingCount: Int!
  shortcomingCount: Int!
}

type SimilarDepartment {
  score: Float!
  department: Department!
  sharedThemes: [PolicyTheme!]!
}

type Query {
  "Themes on which at least minDepartments departments fell short, most widespread first."
  recurringShortcomingThemes(minDepartments: Int! = 2): [ThemeRecurrence!]!
    @cypher(
      statement: """
      MATCH (d:Department)-[:GAVE]->(:Report)-[:FELL_SHORT]->(x:Shortcoming)${ROLL_UP}(t:PolicyTheme)
      WITH t, d, count(DISTINCT x) AS n
      WITH t, count(d) AS departmentCount, sum(n) AS shortcomingCount
      WHERE departmentCount >= $minDepartments
      ORDER BY departmentCount DESC, shortcomingCount DESC, t.position
      RETURN {theme: ${THEME_MAP}, departmentCount: departmentCount, shortcomingCount: shortcomingCount} AS row
      """
      columnName: "row"
    )
  "A department's themes on which it fell short at minMeetings meetings or more, most persistent first."
  persistentShortcomings(departmentId: ID!, minMeetings: Int! = 2): [ShortcomingPersistence!]!
    @cypher(
      statement: """
      MATCH (:Department {id: $departmentId})-[:GAVE]->(:Report)-[:FELL_SHORT]->(x:Shortcoming)${ROLL_UP}(t:PolicyTheme)
      WITH t, count(DISTINCT x.meetingId) AS meetingCount, count(DISTINCT x) AS shortcomingCount
      WHERE meetingCount >= $minMeetings
      ORDER BY meetingCount DESC, shortcomingCount DESC, t.id
      RETURN {theme: ${THEME_MAP}, meetingCount: meetingCount, shortcomingCount: shortcomingCount} AS row
      """
      columnName: "row"
    )
  "Departments ranked by the Jaccard overlap of their shortcoming themes with this one's."
  similarDepartments(id: ID!, first: Int! = 10): [SimilarDepartment!]!
    @cypher(
      statement: """
      MATCH (:Department {id: $id})-[:GAVE]->(:Report)-[:FELL_SHORT]->(:Shortcoming)${ROLL_UP}(t:PolicyTheme)
      WITH collect(DISTINCT t.id) AS mine
      MATCH (b:Department)-[:GAVE]->(:Report)-[:FELL_SHORT]->(:Shortcoming)${ROLL_UP}(t:PolicyTheme)
      WHERE b.id <> $id
      WITH mine, b, collect(DISTINCT t.id) AS theirs
      WITH b, [t IN mine WHERE t IN theirs] AS shared, size(mine) + size(theirs) AS total
      WHERE size(shared) > 0
      WITH b, shared, toFloat(size(shared)) / (total - size(shared)) AS score
      ORDER BY score DESC, size(shared) DESC, b.name, b.id
      LIMIT $first
      RETURN {score: score, department: b {.id, .name, .fullName, .nameEn, .kind},
              sharedThemes: COLLECT { MATCH (t:PolicyTheme) WHERE t.id IN shared RETURN ${THEME_MAP} }} AS row
      """
      columnName: "row"
    )
}
`;

/**
 * Serves TYPE_DEFS with @apollo/server's standalone server on a free port of 127.0.0.1; the
 * library's start-up checks (checkNeo4jCompat, which wants APOC, and assertIndexesAndConstraints)
 * are separate calls, and are not made. Returns { url, close }.
 */
export async function servePeer(driver) {
  const { Neo4jGraphQL } = require("@neo4j/graphql");
  const { ApolloServer } = require("@apollo/server");
  const { startStandaloneServer } = require("@apollo/server/standalone");
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
  const apollo = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: "127.0.0.1" } });
  return { url: url.replace(/\/$/, ""), close: () => apollo.stop() };
}
