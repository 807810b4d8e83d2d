import { toSimplified } from "../../platform/text/chinese";
import { DepartmentKind } from "../../model/department-kind";
import { DepartmentEntry, resolveSubject } from "./department.registry";

/**
 * A body's portfolio: the policy themes it is assigned (市文化和旅游局 → culture, 区科委 → science and
 * innovation, a district or a town → none). Curated bodies carry theme ids in seed/departments.json
 * ("assignedThemes"); every other body's portfolio is read from the parts of its name. The
 * extractor uses a report's portfolio where an item's own words give no theme, and to break a tie
 * between the themes they give. No GraphQL here: the extractor runs without it.
 */

/** Name parts and the themes they assign, most specific first: the first part a name holds decides. */
export const PORTFOLIO_NAME_PARTS: ReadonlyArray<readonly [parts: readonly string[], themes: readonly string[]]> = [
  // Party organs first: 区委教育工委 is education, 区委宣传部 publicity, 区纪委区监委 discipline.
  [["纪委", "监委", "纪检", "监察委"], ["pb-discipline"]],
  [["组织部"], ["pb-cadres"]],
  [["宣传部"], ["pb-theory", "culture-civility"]],
  [["网信办"], ["pb-theory"]],
  [["统战部", "机关工委", "党校"], ["party-building"]],
  [["政法委", "公安", "派出所", "司法局", "应急", "消防", "人防", "药监", "药品监督", "地震"], ["public-safety"]],
  [["社会工委", "社会工作部", "信访", "热线", "接诉"], ["citizen-hotline"]],
  [["教育", "教委"], ["education"]],
  // 区科技和信息化局 is science; 区经济和信息化局 industry and informatisation.
  [["科委", "科技", "科学技术", "科创", "中关村", "知识产权"], ["science-innovation"]],
  [
    ["经信", "经济和信息化", "经济信息化", "工信", "工业和信息化"],
    ["econ-industry", "science-innovation"],
  ],
  [["营商", "政务服务", "政数", "行政审批"], ["business-environment"]],
  [
    ["市场监管", "市场监督"],
    ["business-environment", "public-safety"],
  ],
  [["发改", "发展改革", "发展和改革", "商务", "统计", "金融", "投资促进", "招商"], ["economic-development"]],
  [["农业", "农村", "农委", "乡村振兴"], ["econ-rural"]],
  [["财政", "审计", "税务"], ["public-finance"]],
  [["国资"], ["state-assets"]],
  [["规划", "规自", "自然资源"], ["planning-land"]],
  [["住房", "住建", "建委", "城乡建设"], ["housing-construction"]],
  [["城管", "城市管理", "市政市容"], ["urban-management"]],
  [["园林", "绿化"], ["ecology-greening"]],
  [["生态", "环保", "环境", "水务"], ["ecology-environment"]],
  [["交通"], ["transport"]],
  [
    ["卫健", "卫生健康", "卫生"],
    ["livelihood", "epidemic-control"],
  ],
  [["人力资源", "人力社保", "人社", "民政", "退役军人", "医保", "医疗保障", "残联", "粮食"], ["livelihood"]],
  [["文物"], ["culture-civility"]],
  [["文化", "文旅", "旅游", "广电", "体育", "文明办"], ["culture-civility"]],
];

// A locality itself (a district, a town, a street) has no portfolio of its own: its readouts range
// over every field. Its bodies (区科委, 镇农业中心) are read by their parts.
const LOCALITY = /(区|县|市|镇|乡|街道|地区)$/u;
const ENTERPRISE = /(集团|公司)$/u;
const NONE: readonly string[] = Object.freeze([]);

/** The portfolio a body's name implies (theme ids, in the table's order); none for a locality. */
export function portfolioFromName(name: string, kind?: DepartmentKind): readonly string[] {
  const s = toSimplified(name.normalize("NFKC")).replace(/\s/gu, "");
  if (kind === DepartmentKind.DISTRICT || kind === DepartmentKind.STREET || LOCALITY.test(s)) return NONE;
  const row = PORTFOLIO_NAME_PARTS.find(([parts]) => parts.some((p) => s.includes(p)));
  // A state-owned enterprise answers for state assets first, and for its trade where the name says it.
  if (kind === DepartmentKind.ENTERPRISE || ENTERPRISE.test(s)) {
    return row ? ["state-assets", ...row[1].filter((t) => t !== "state-assets")] : ["state-assets"];
  }
  return row ? row[1] : NONE;
}

/** A department's portfolio: as curated in the seed, else as its name implies. */
export function portfolioOf(entry: Pick<DepartmentEntry, "name" | "kind" | "assignedThemes">): readonly string[] {
  return entry.assignedThemes ?? portfolioFromName(entry.name, entry.kind);
}

// Readouts repeat their subjects; a bulk extraction sees a few thousand distinct ones.
const MAX_CACHED = 4096;
const bySubject = new Map<string, readonly string[]>();

/**
 * The portfolio of a report subject as the text names it: the union of the portfolios of the
 * bodies it names (市科委、中关村管委会 → both), in the order named, each theme once.
 */
export function subjectPortfolio(subject: string): readonly string[] {
  const cached = bySubject.get(subject);
  if (cached) return cached;
  let themes: readonly string[] = NONE;
  try {
    // Names are read alike in every district (区科委 is science wherever it sits): no meeting context needed.
    themes = [...new Set(resolveSubject(subject).flatMap((e) => portfolioOf(e)))];
  } catch {
    // A subject that names no body (only punctuation) has no portfolio.
  }
  if (bySubject.size >= MAX_CACHED) bySubject.clear();
  bySubject.set(subject, themes);
  return themes;
}
