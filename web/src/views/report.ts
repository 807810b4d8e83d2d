import { gql } from "../api";
import { h } from "../dom";
import { t } from "../i18n";

import { DEPARTMENT, DepartmentRef, departmentLink, heading, MEETING, MeetingRef, meetingLink, section } from "../ui";
import {
  CORRECTION,
  CorrectionRow,
  correctionForm,
  correctionList,
  departmentPicker,
  isCurator,
  withDepartment,
} from "./correct";
import { ITEM, ItemRow, itemList } from "./items";

interface ReportPage {
  __typename: string;
  id: string;
  order: number;
  subject: string;
  departments: DepartmentRef[];
  meeting: MeetingRef;
  achievements: ItemRow[];
  shortcomings: ItemRow[];
  corrections: CorrectionRow[];
}

/** A report: one speaker's turn at a meeting, with what it was praised and faulted for. */
export async function reportView(id: string): Promise<HTMLElement | null> {
  const { node: r } = await gql<{ node: ReportPage | null }>(
    `query Report($id: ID!) { node(id: $id) { __typename ... on Report {
      id order subject departments { ${DEPARTMENT} } meeting { ${MEETING} }
      achievements { ${ITEM} } shortcomings { ${ITEM} } corrections { ${CORRECTION} } } } }`,
    { id },
  );
  if (!r || r.__typename !== "Report") return null;
  return h(
    "article",
    {},
    heading(`${r.subject} · ${t("order")}${r.order}`, "report"),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, t("department")),
      h(
        "dd",
        {},
        r.departments.map((d) => [departmentLink(d), " "]),
      ),
      h("dt", {}, t("meeting")),
      h("dd", {}, meetingLink(r.meeting)),
    ),
    correctionList(r.corrections),
    isCurator() && assignForm(r.id),
    r.achievements.length > 0 && section(t("Achievement"), itemList("Achievement", r.achievements)),
    r.shortcomings.length > 0 && section(t("Shortcoming"), itemList("Shortcoming", r.shortcomings)),
  );
}

/** A curator's reassignment of a report to the body that gave it. */
function assignForm(reportId: string): HTMLElement {
  const picker = departmentPicker();
  return section(
    t("reassign"),
    correctionForm("assign", "reassign", [picker.el], (reason) =>
      withDepartment(picker, (departmentId) =>
        gql(
          `mutation Assign($reportId: ID!, $departmentId: ID!, $reason: String!) { assignReport(reportId: $reportId, departmentId: $departmentId, reason: $reason) { id } }`,
          { reportId, departmentId, reason },
        ),
      ),
    ),
  );
}
