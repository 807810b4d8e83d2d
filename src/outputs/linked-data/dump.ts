import { Queryable } from "../../platform/db/neo4j";
import { contextIri } from "../../model/iri";
import { JsonLdFramer } from "./jsonld";
import { correctionPages, curatorNames, entityPages, redirects, topThemeIds } from "./linked-data.repository";
import {
  describeCorrection,
  describeCurator,
  describeEntity,
  describeRedirect,
  describeScheme,
  Terms,
} from "./mapping";
import { ENTITY_TYPES } from "./model";
import type { Quad } from "n3";
import { ChunkWriter } from "./stream";
import { TripleSerializer } from "./turtle";
import { contextDocument } from "./vocabulary";

export type DumpFormat = "turtle" | "jsonld";

export interface DumpOptions {
  baseUrl: string;
  format: DumpFormat;
  /** Entities read per query (one page of one label). */
  batchSize?: number;
  /** JSON-LD: refer to the served context by IRI (the server) or carry it inline (files that must stand alone). */
  context?: "iri" | "inline";
}

export interface DumpStats {
  entities: number;
  triples: number;
}

export const DEFAULT_BATCH = 500;

/**
 * The provenance after the entities, a page of quads at a time: curators' corrections (each a
 * prov:Activity), the curators, and the owl:sameAs of each merged department's old IRI.
 */
async function* provenancePages(db: Queryable, t: Terms, batch: number): AsyncGenerator<Quad[][]> {
  for await (const rows of correctionPages(db, batch)) yield rows.map((row) => describeCorrection(t, row).quads());
  yield (await curatorNames(db)).map((name) => describeCurator(t, name).quads());
  yield (await redirects(db)).map((r) => describeRedirect(t, r.fromId, r.toId).quads());
}

/**
 * Streams the whole graph as one Turtle or JSON-LD document: the theme scheme, every label in id
 * order, then the curators' corrections, the curators and the merged ids (provenancePages), a page
 * at a time (keyset pagination), each page written before the next is read.
 * Memory stays at one page whatever the size of the graph. Pages are separate read transactions:
 * a dump taken while readouts are being ingested may hold a meeting without its newest neighbours.
 */
export async function writeDump(db: Queryable, write: ChunkWriter, options: DumpOptions): Promise<DumpStats> {
  const { baseUrl, format } = options;
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const t = new Terms(baseUrl);
  const stats: DumpStats = { entities: 0, triples: 0 };
  const scheme = describeScheme(t, await topThemeIds(db)).quads();
  stats.triples += scheme.length;

  if (format === "turtle") {
    const out = new TripleSerializer(baseUrl, "turtle");
    out.add(scheme);
    for (const type of ENTITY_TYPES) {
      for await (const rows of entityPages(db, type, batch)) {
        for (const row of rows) {
          const quads = describeEntity(t, type, row).quads();
          out.add(quads);
          stats.triples += quads.length;
        }
        stats.entities += rows.length;
        await write(out.take());
      }
    }
    for await (const descriptions of provenancePages(db, t, batch)) {
      for (const quads of descriptions) {
        out.add(quads);
        stats.triples += quads.length;
      }
      await write(out.take());
    }
    await write(out.end());
    return stats;
  }

  const framer = new JsonLdFramer(baseUrl);
  const context = options.context === "inline" ? contextDocument(baseUrl)["@context"] : contextIri(baseUrl);
  await write(`{"@context":${JSON.stringify(context)},\n"@graph":[\n`);
  await write(
    framer
      .nodes(scheme)
      .map((n) => JSON.stringify(n))
      .join(",\n"),
  );
  for (const type of ENTITY_TYPES) {
    for await (const rows of entityPages(db, type, batch)) {
      let chunk = "";
      for (const row of rows) {
        const quads = describeEntity(t, type, row).quads();
        stats.triples += quads.length;
        for (const node of framer.nodes(quads)) chunk += `,\n${JSON.stringify(node)}`;
      }
      stats.entities += rows.length;
      await write(chunk);
    }
  }
  for await (const descriptions of provenancePages(db, t, batch)) {
    let chunk = "";
    for (const quads of descriptions) {
      stats.triples += quads.length;
      for (const node of framer.nodes(quads)) chunk += `,\n${JSON.stringify(node)}`;
    }
    await write(chunk);
  }
  await write("\n]}\n");
  return stats;
}
