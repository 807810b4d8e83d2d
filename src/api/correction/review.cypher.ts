/**
 * The review queue: items a curator should look at first, read from what the extractor and the
 * curators left on the items (labels and relationship types are constants; values parameters).
 *
 * - UNCLASSIFIED: nothing gave the item a theme (`unclassified`, or no ABOUT at all for items
 *   written before the flag);
 * - FALLBACK_THEME: every theme it has is the extractor's and came from a stand-in rather than
 *   from its own words: the report's portfolio ("portfolio:<subject>"), the meeting's context
 *   ("context:…") or a fallback rule of the lexicon ($fallbackReasons, "rule:<reason>");
 * - EXTRACTION_WARNING: its document's extraction gave warnings (`Document.extractionWarnings`).
 *
 * Rejected items are left out; so is an item a curator has retagged (a standing SET_ITEM_THEMES)
 * or added, unless it is still unclassified (then it is listed for that reason only).
 */
const QUEUE_ROWS = `
MATCH (x:Achievement|Shortcoming|Directive)
WHERE x.rejected IS NULL
WITH x, coalesce(x.unclassified, NOT EXISTS { (x)-[:ABOUT]->(:PolicyTheme) }) AS unclassified,
     x.addedBy IS NOT NULL
       OR EXISTS { (c:Correction)-[:CORRECTS]->(x) WHERE c.kind = 'SET_ITEM_THEMES' AND NOT c.undone } AS corrected
WHERE unclassified OR NOT corrected
WITH x, unclassified, corrected,
     COLLECT {
       MATCH (x)-[a:ABOUT]->(:PolicyTheme)
       RETURN coalesce(a.source, 'EXTRACTOR') = 'EXTRACTOR'
              AND (a.reason STARTS WITH 'portfolio:' OR a.reason STARTS WITH 'context:' OR a.reason IN $fallbackReasons) AS weak
     } AS tags,
     CASE WHEN corrected THEN [] ELSE
       coalesce(head(COLLECT { MATCH (d:Document {id: x.documentId}) RETURN d.extractionWarnings AS w }), [])
     END AS warnings
WITH x, warnings, [reason IN [
       CASE WHEN unclassified THEN 'UNCLASSIFIED' END,
       CASE WHEN NOT corrected AND size(tags) > 0 AND all(weak IN tags WHERE weak) THEN 'FALLBACK_THEME' END,
       CASE WHEN size(warnings) > 0 THEN 'EXTRACTION_WARNING' END
     ] WHERE reason IS NOT NULL] AS reasons
WHERE size(reasons) > 0`;

/**
 * One page of the queue ($skip, $limit) and its total: newest meeting first, then in reading order
 * (the item's place in its document). One pass: the total and the page come from the same rows.
 */
export const REVIEW_QUEUE = `
${QUEUE_ROWS}
WITH x, reasons, warnings
ORDER BY x.date DESC, x.meetingId, x.start, x.id
WITH collect({itemId: x.id, type: [l IN labels(x) WHERE l <> 'Entity'][0], reasons: reasons, warnings: warnings}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS entries`;
