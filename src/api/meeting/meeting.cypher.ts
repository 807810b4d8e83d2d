export const MEETING_FIELDS = `m {.id, .title, .kind, date: toString(m.date), __typename: 'Meeting'}`;

export const MEETING_PAGE = `
CALL {
  MATCH (m:Meeting)
  WHERE ($from IS NULL OR m.date >= date($from)) AND ($to IS NULL OR m.date <= date($to))
    AND ($kind IS NULL OR m.kind = $kind)
  RETURN count(m) AS total
}
CALL {
  MATCH (m:Meeting)
  WHERE ($from IS NULL OR m.date >= date($from)) AND ($to IS NULL OR m.date <= date($to))
    AND ($kind IS NULL OR m.kind = $kind)
  WITH m ORDER BY m.date DESC, m.id
  SKIP $skip LIMIT $limit
  RETURN collect(${MEETING_FIELDS}) AS nodes
}
RETURN total, nodes`;

export const MEETINGS_BY_ID = `
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN id, ${MEETING_FIELDS} AS meeting`;
