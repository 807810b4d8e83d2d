import { mapProjection, Projection, ProjectionSpec } from "../graphql/projection";
import { MEETING_FIELDS } from "../meeting/meeting.cypher";

const prop = (name: string) => (v: string) => `${v}.${name}`;

/** What a document record can read (see ../graphql/projection): its text only when selected. */
export const DOCUMENT_SPEC: ProjectionSpec = {
  columns: {
    id: prop("id"),
    title: prop("title"),
    url: prop("url"),
    published: prop("published"),
    text: prop("text"),
    sha256: prop("sha256"),
    extractorVersion: prop("extractorVersion"),
    extractionWarnings: prop("extractionWarnings"),
    __typename: () => `'Document'`,
  },
  always: ["id", "__typename"],
};

/** The projection of a document node `d` into a Document record: all of it, or `projection`. */
export const documentFields = (projection?: Projection) => mapProjection(DOCUMENT_SPEC, projection, "d");

export const documentsByIdQuery = (projection?: Projection) => `
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id, ${documentFields(projection)} AS document`;

export const documentsByMeetingQuery = (projection?: Projection) => `
UNWIND $ids AS id
MATCH (:Meeting {id: id})-[:RECORDED_IN]->(d:Document)
RETURN id, ${documentFields(projection)} AS document`;

export const MEETINGS_BY_DOCUMENT = `
UNWIND $ids AS id
MATCH (m:Meeting)-[:RECORDED_IN]->(:Document {id: id})
WITH id, m ORDER BY m.date
RETURN id, collect(${MEETING_FIELDS}) AS meetings`;
