// The floor of bench/peer.bench.mjs: one hand-written Cypher statement per operation behind a bare
// node:http endpoint, answering the service's GraphQL shape (so its answers compare as they are).
// It reads what the service reads: the tallies for the pattern parts (src/pipeline/tally), items otherwise.
import { createServer } from "node:http";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const THEME = "t {.id, .name, .nameEn}";
const DEPARTMENT = "{id: b.id, name: b.name, nameEn: b.nameEn}";
const themesOf = (x, fields = THEME) =>
  `COLLECT { MATCH (${x})-[a:ABOUT]->(t:PolicyTheme) WITH a, t ORDER BY a.rank RETURN ${fields} }`;
const item = (x, text) =>
  `{id: ${x}.id, text: ${x}.text, themes: ${themesOf(x)},
    evidence: {start: ${x}.start, end: ${x}.end, sentence: {start: ${x}.sentenceStart, end: ${x}.sentenceEnd,
      text: substring(${text}, ${x}.sentenceStart, ${x}.sentenceEnd - ${x}.sentenceStart)}}}`;

/** One statement per operation; each returns one row whose columns are the answer's root fields. */
export const STATEMENTS = {
  nested: `
MATCH (d:Department)
WITH d, COUNT { (d)-[:GAVE]->(:Report) } AS n ORDER BY n DESC, d.name, d.id LIMIT $first
RETURN {nodes: collect({id: d.id, name: d.name, reports: COLLECT {
  MATCH (d)-[:GAVE]->(r:Report)-[:AT]->(m:Meeting)
  WITH r, m ORDER BY m.date DESC, m.id
  RETURN {meeting: {date: toString(m.date)}, shortcomings: COLLECT {
    MATCH (r)-[:FELL_SHORT]->(x:Shortcoming)
    WITH x ORDER BY x.position
    RETURN {text: x.text, themes: ${themesOf("x", "t {.id, .name}")}}
  }}
}})} AS departments`,

  page: `
CALL {
  MATCH (:PolicyTheme {id: $themeId})<-[:BROADER*0..3]-(:PolicyTheme)<-[:ABOUT]-(x:Shortcoming)
  RETURN count(DISTINCT x) AS total
}
CALL {
  MATCH (:PolicyTheme {id: $themeId})<-[:BROADER*0..3]-(:PolicyTheme)<-[:ABOUT]-(x:Shortcoming)
  WITH DISTINCT x ORDER BY x.date DESC, x.meetingId, x.position LIMIT $first
  RETURN collect({id: x.id, text: x.text, meeting: {id: x.meetingId, date: toString(x.date)},
                  themes: ${themesOf("x", "t {.id, .name}")}}) AS nodes
}
RETURN {totalCount: total, nodes: nodes} AS shortcomings`,

  // The all-time totals the service keeps per department and theme (src/pipeline/tally/tally.cypher.ts).
  recurring: `
MATCH (s:DepartmentThemeTotal) WHERE s.shortcomings > 0
WITH s.themeId AS themeId, count(*) AS departmentCount, sum(s.shortcomings) AS shortcomingCount
WHERE departmentCount >= $minDepartments
MATCH (t:PolicyTheme {id: themeId})
WITH t, departmentCount ORDER BY departmentCount DESC, shortcomingCount DESC, t.position
RETURN collect({theme: t {.id, .name}, departmentCount: departmentCount}) AS recurringShortcomingThemes`,

  department: `
OPTIONAL MATCH (d:Department {id: $id})
RETURN d {.id, .name, .fullName, .nameEn, kind: toUpper(replace(d.kind, '-', '_'))} AS department`,

  departmentPage: `
MATCH (d:Department {id: $id})
CALL (d) {
  MATCH (d)-[:GAVE]->(r:Report)-[:AT]->(m:Meeting)-[:RECORDED_IN]->(doc:Document)
  WITH r, m, doc.text AS text ORDER BY m.date DESC, m.id
  RETURN collect({id: r.id, order: r.order, meeting: {id: m.id, date: toString(m.date), title: m.title},
    achievements: COLLECT { MATCH (r)-[:ACHIEVED]->(x:Achievement) WITH x ORDER BY x.position RETURN ${item("x", "text")} },
    shortcomings: COLLECT { MATCH (r)-[:FELL_SHORT]->(x:Shortcoming) WITH x ORDER BY x.position RETURN ${item("x", "text")} }
  }) AS reports
}
CALL (d) {
  MATCH (d)-[:GAVE]->(:Report)-[:ACHIEVED|FELL_SHORT]->(x)-[:ABOUT]->(t:PolicyTheme)
  WITH t, count(x) AS n ORDER BY n DESC, t.position
  RETURN collect(${THEME}) AS themes
}
CALL (d) {
  MATCH (s:DepartmentThemeTotal {departmentId: d.id}) WHERE s.shortcomingsMeetings >= $minMeetings
  WITH s ORDER BY s.shortcomingsMeetings DESC, s.shortcomings DESC, s.themeId
  MATCH (t:PolicyTheme {id: s.themeId})
  RETURN collect({theme: ${THEME}, meetingCount: s.shortcomingsMeetings, shortcomingCount: s.shortcomings}) AS persistent
}
CALL (d) {
  MATCH (a:DepartmentThemeTotal {departmentId: d.id}) WHERE a.shortcomings > 0
  WITH collect(a.themeId) AS mine
  MATCH (o:DepartmentThemeTotal) WHERE o.departmentId <> d.id AND o.shortcomings > 0
  WITH mine, o.departmentId AS other, collect(o.themeId) AS theirs
  WITH other, [t IN mine WHERE t IN theirs] AS shared, size(mine) + size(theirs) AS total
  WHERE size(shared) > 0
  WITH other, shared, toFloat(size(shared)) / (total - size(shared)) AS score
  MATCH (b:Department {id: other})
  WITH b, shared, score ORDER BY score DESC, size(shared) DESC, b.name, b.id LIMIT $similar
  RETURN collect({score: score, department: ${DEPARTMENT},
    sharedThemes: COLLECT { MATCH (t:PolicyTheme) WHERE t.id IN shared RETURN ${THEME} }}) AS similar
}
RETURN d {.id, .name, .nameEn, .fullName, .aliases, kind: toUpper(replace(d.kind, '-', '_')), .curated,
  parent: head(COLLECT { MATCH (d)-[:PART_OF]->(b:Department) RETURN ${DEPARTMENT} }),
  parts: COLLECT { MATCH (d)<-[:PART_OF]-(b:Department) WITH b ORDER BY b.name, b.id RETURN ${DEPARTMENT} },
  themes: themes, reports: reports} AS department,
  persistent AS persistentShortcomings, similar AS similarDepartments`,
};

/**
 * Serves STATEMENTS on a free port of 127.0.0.1: POST /<operation> with the parameters as a JSON
 * body answers {"data": {…}} (or {"errors": [{message}]}), one read transaction per request.
 */
export async function serveRaw(driver, database = "neo4j") {
  const neo4j = require("neo4j-driver");
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const statement = STATEMENTS[req.url.slice(1)];
    let status = 200;
    let body;
    if (req.method !== "POST" || !statement) {
      status = 404;
      body = { errors: [{ message: `no operation ${req.url}` }] };
    } else {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        // JSON numbers would go as floats, which LIMIT refuses.
        const params = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}", (_, v) =>
          Number.isInteger(v) ? neo4j.int(v) : v,
        );
        const result = await session.executeRead((tx) => tx.run(statement, params));
        body = { data: result.records[0]?.toObject() ?? null };
      } catch (e) {
        status = 500;
        body = { errors: [{ message: String(e.message ?? e) }] };
      } finally {
        await session.close();
      }
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
