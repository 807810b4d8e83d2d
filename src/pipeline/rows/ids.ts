import { createHash } from "node:crypto";

/**
 * Stable ids. Everything is derived from the document's body text, so re-ingesting the same
 * readout yields the same ids (and MERGE changes nothing), whichever route it came by.
 */

/** Hex SHA-256 of a text (UTF-8). */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Document id: the body's hash. */
export const documentId = (bodySha256: string) => `doc-${bodySha256.slice(0, 16)}`;

/** Meeting id: readable date and kind, made unique by the document it was recorded in. */
export const meetingId = (date: string, kind: string, bodySha256: string) =>
  `${date}-${kind}-${bodySha256.slice(0, 6)}`;

export const reportId = (meeting: string, order: number) => `${meeting}-r${order}`;
export const achievementId = (report: string, seq: number) => `${report}-a${seq}`;
export const shortcomingId = (report: string, seq: number) => `${report}-s${seq}`;
export const directiveId = (meeting: string, seq: number) => `${meeting}-d${seq}`;
