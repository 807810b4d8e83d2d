import { MEETING_FIELDS } from "../meeting/meeting.cypher";

export const DOCUMENT_FIELDS = `d {.id, .title, .url, .published, .text, .sha256, .extractorVersion, .extractionWarnings, __typename: 'Document'}`;

export const DOCUMENTS_BY_ID = `
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id, ${DOCUMENT_FIELDS} AS document`;

export const DOCUMENTS_BY_MEETING = `
UNWIND $ids AS id
MATCH (:Meeting {id: id})-[:RECORDED_IN]->(d:Document)
RETURN id, ${DOCUMENT_FIELDS} AS document`;

export const MEETINGS_BY_DOCUMENT = `
UNWIND $ids AS id
MATCH (m:Meeting)-[:RECORDED_IN]->(:Document {id: id})
WITH id, m ORDER BY m.date
RETURN id, collect(${MEETING_FIELDS}) AS meetings`;
