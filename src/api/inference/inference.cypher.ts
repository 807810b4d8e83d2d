import { itemFields } from "../item/item.cypher";
import { THEME_FIELDS } from "../theme/theme.cypher";

// Reading the inferred links (../../pipeline/inference derives them) for the GraphQL fields
// Shortcoming.addressedBy and Directive.addresses.

// One link per (directive, shortcoming) pair: the rules that made it, their themes and reasons.
const links = (other: "dx" | "s", kind: "Directive" | "Shortcoming") => `
WITH id, ${other}, collect(a) AS rels
WITH id, ${other}, rels, reduce(ts = [], r IN rels | ts + [t IN r.themes WHERE NOT t IN ts]) AS themeIds
RETURN id, collect({
  rules: [r IN rels | r.rule],
  reasons: [r IN rels | r.reason],
  themes: COLLECT { MATCH (${other})-[r:ABOUT]->(t:PolicyTheme) WHERE t.id IN themeIds RETURN ${THEME_FIELDS} ORDER BY r.rank, t.id },
  item: ${itemFields(kind, other)}
})[0..$limit] AS links`;

/** The links to each shortcoming (ids), earliest directive first. */
export const ADDRESSED_BY = `
UNWIND $ids AS id
MATCH (dx:Directive)-[a:ADDRESSES]->(:Shortcoming {id: id})
WITH id, dx, a ORDER BY dx.date, dx.meetingId, dx.position, a.rule
${links("dx", "Directive")}`;

/** The links from each directive (ids), newest shortcoming first. */
export const ADDRESSES = `
UNWIND $ids AS id
MATCH (:Directive {id: id})-[a:ADDRESSES]->(s:Shortcoming)
WITH id, s, a ORDER BY s.date DESC, s.meetingId, s.position, a.rule
${links("s", "Shortcoming")}`;
