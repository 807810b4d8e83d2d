import { gql } from "../api";
import { h } from "../dom";
import { t } from "../i18n";

import { heading, MEETING, MeetingRef, meetingLink, section } from "../ui";

/** A person: the meetings they chaired or attended. */
export async function personView(id: string): Promise<HTMLElement | null> {
  const { node: p } = await gql<{
    node: { __typename: string; name: string; nameEn: string | null; meetings: MeetingRef[] } | null;
  }>(`query Person($id: ID!) { node(id: $id) { __typename ... on Person { name nameEn meetings { ${MEETING} } } } }`, {
    id,
  });
  if (!p || p.__typename !== "Person") return null;
  return h(
    "article",
    {},
    heading(p.nameEn ? `${p.name} (${p.nameEn})` : p.name, "person"),
    section(
      t("Meeting"),
      h(
        "ul",
        { class: "plain" },
        p.meetings.map((m) => h("li", {}, meetingLink(m))),
      ),
    ),
  );
}
