/** Interface labels in Chinese and English; data keeps its own language (names have both). */
export type Lang = "zh" | "en";

const STRINGS = {
  search: ["搜索", "Search"],
  searchPlaceholder: ["搜索部门、成绩、不足、部署（简体或繁體）", "Search departments, findings, directives (中文)"],
  home: ["首页", "Home"],
  heatmap: ["主题热力图", "Theme heatmap"],
  recurring: ["共性问题", "Recurring gaps"],
  persistent: ["反复问题", "Persistent gaps"],
  themes: ["政策主题", "Policy themes"],
  graph: ["关系图", "Graph"],
  openGraph: ["查看关系图", "Show graph"],
  loading: ["加载中…", "Loading…"],
  notFound: ["未找到", "Not found"],
  error: ["出错了", "Something went wrong"],
  retry: ["重试", "Retry"],
  results: ["搜索结果", "Results"],
  noResults: ["没有结果", "No results"],
  Department: ["部门", "Departments"],
  Shortcoming: ["不足", "Shortcomings"],
  Achievement: ["成绩", "Achievements"],
  Directive: ["部署要求", "Directives"],
  Meeting: ["会议", "Meetings"],
  Report: ["汇报", "Reports"],
  Person: ["人物", "People"],
  Document: ["原文", "Readouts"],
  PolicyTheme: ["主题", "Themes"],
  department: ["部门", "Department"],
  shortcoming: ["不足", "Shortcoming"],
  achievement: ["成绩", "Achievement"],
  directive: ["部署要求", "Directive"],
  meeting: ["会议", "Meeting"],
  report: ["汇报", "Report"],
  person: ["人物", "Person"],
  document: ["原文", "Readout"],
  theme: ["主题", "Theme"],
  aliases: ["别名", "Also called"],
  kind: ["类别", "Kind"],
  partOf: ["上级", "Part of"],
  parts: ["下属单位", "Parts"],
  host: ["举办地", "Host"],
  uncurated: ["未收录（自动识别）", "Not curated (recognised automatically)"],
  reportsByMeeting: ["历次汇报", "Reports by meeting"],
  earlierReports: ["显示更早的汇报", "Show earlier reports"],
  speakers: ["汇报顺序", "Speakers in order"],
  chair: ["主持", "Chair"],
  attendees: ["出席", "Attending"],
  source: ["原文出处", "Source"],
  showSentence: ["看原句", "Show sentence"],
  readout: ["会议通稿", "Readout"],
  sentence: ["原句", "Source sentence"],
  characters: ["字符位置", "Characters"],
  themeReason: ["归类依据", "Tagged because"],
  addressedBy: ["回应它的部署（推断）", "Directives taken to answer it (inferred)"],
  addresses: ["它回应的不足（推断）", "Shortcomings it is taken to answer (inferred)"],
  inferredNote: [
    "这些关联由规则推断，并非原文所述。",
    "These links are inferred by rules, not stated by the readouts.",
  ],
  addressees: ["指向部门", "Addressed to"],
  departmentsFlagged: ["被指出不足的部门", "Departments flagged"],
  timeline: ["时间线", "Timeline"],
  period: ["时段", "Period"],
  meetingsCount: ["次会议", "meetings"],
  departmentsCount: ["个部门", "departments"],
  shortcomingsCount: ["条不足", "shortcomings"],
  broader: ["上位主题", "Broader"],
  narrower: ["下位主题", "Narrower"],
  latestShortcomings: ["最近的不足", "Latest shortcomings"],
  from: ["起", "From"],
  to: ["止", "To"],
  all: ["全部", "All"],
  apply: ["应用", "Apply"],
  metric: ["指标", "Count"],
  minDepartments: ["至少部门数", "At least departments"],
  minMeetings: ["至少会议数", "At least meetings"],
  heatmapIntro: [
    "行是政策主题，列是部门；颜色越深，次数越多。点格子可进入该部门。",
    "Rows are policy themes, columns departments; darker means more. A cell opens its department.",
  ],
  recurringIntro: [
    "多个部门在同一主题上被指出不足：跨部门的共性问题。",
    "Themes on which several departments were found wanting: gaps shared across departments.",
  ],
  persistentIntro: [
    "同一部门在同一主题上多次被指出不足。",
    "The same department found wanting on the same theme at several meetings.",
  ],
  graphIntro: [
    "点一个节点展开它的邻居；列表中的按钮也可以用键盘操作。",
    "Click a node to expand its neighbours; the list's buttons do the same by keyboard.",
  ],
  expand: ["展开", "Expand"],
  open: ["打开", "Open"],
  nodes: ["节点", "Nodes"],
  truncated: ["仅显示部分邻居", "Only some neighbours shown"],
  similar: ["相近的部门（不足主题重合）", "Similar departments (shared shortcoming themes)"],
  recentMeetings: ["最近的会议", "Recent meetings"],
  departments: ["部门", "Departments"],
  intro: [
    "月度工作点评会通稿中的部门、成绩、不足、部署要求及其原文出处，以图谱呈现。",
    "The departments, achievements, shortcomings and directives of review-meeting readouts, with the sentence behind each fact, as a graph.",
  ],
  tokenTitle: ["需要访问令牌", "A read token is required"],
  tokenHelp: [
    "此服务要求读取令牌（POLICYGRAPH_READ_TOKEN）。",
    "This service requires its read token (POLICYGRAPH_READ_TOKEN).",
  ],
  tokenSave: ["保存", "Save"],
  tokenRefused: ["此令牌未被接受，请重新输入。", "The service did not accept that token; enter it again."],
  review: ["待审核", "Review"],
  reviewIntro: [
    "审核员应先看的条目：未归类的、只凭兜底规则（所在部门职能、会议类别或泛化词）归类的、以及抽取时有警告的原文中的条目。最新的会议在前，同一会议按原文顺序。",
    "Items a curator should look at first: unclassified ones, ones tagged only by a stand-in (the report's portfolio, the meeting's kind or a generic word), and those of readouts whose extraction gave warnings. Newest meeting first, then in reading order.",
  ],
  reviewEmpty: ["没有待审核的条目。", "Nothing to review."],
  UNCLASSIFIED: ["未归类", "Unclassified"],
  FALLBACK_THEME: ["仅凭兜底规则归类", "Tagged only by a stand-in"],
  EXTRACTION_WARNING: ["抽取有警告", "Extraction warning"],
  warnings: ["抽取警告", "Extraction warnings"],
  nextPage: ["下一页", "Next page"],
  curator: ["审核员", "Curator"],
  curatorSignIn: ["审核员登录", "Curator sign-in"],
  curatorTitle: ["审核员登录", "Sign in as a curator"],
  curatorHelp: [
    "输入审核员令牌（POLICYGRAPH_CURATOR_TOKENS）后即可修正：重新归类、驳回、补录、改派、合并、撤销。令牌只保存在本标签页的会话中。",
    "Give your curator token (POLICYGRAPH_CURATOR_TOKENS) to correct the graph: retag, reject, add, reassign, merge, undo. It is kept for this tab's session only.",
  ],
  curatorRefused: ["此令牌不是审核员令牌。", "That token is not a curator's token."],
  curatorDisabled: [
    "此服务未开放修正（未配置审核员令牌）。",
    "This service takes no corrections (no curator token is configured).",
  ],
  signIn: ["登录", "Sign in"],
  signOut: ["退出", "Sign out"],
  signedInAs: ["已登录审核员：", "Signed in as curator "],
  corrections: ["修正记录", "Corrections"],
  SET_ITEM_THEMES: ["重新归类", "Retagged"],
  REJECT_ITEM: ["驳回", "Rejected"],
  ADD_ITEM: ["补录", "Added"],
  ASSIGN_REPORT: ["改派汇报", "Report reassigned"],
  MERGE_DEPARTMENTS: ["合并部门", "Departments merged"],
  UNDO: ["撤销", "Undo"],
  noThemes: ["无主题", "no theme"],
  reason: ["理由", "Reason"],
  orphaned: ["重新抽取后目标已不存在，此修正未生效。", "A re-extraction left no such target: not applied."],
  undoneBy: ["已撤销：", "Undone by"],
  undo: ["撤销", "Undo"],
  reject: ["驳回", "Reject"],
  retag: ["重新归类", "Retag"],
  rejectedNote: [
    "审核员已驳回此条目（并非真实条目）：列表、统计、模式、搜索和导出均不计入。",
    "A curator rejected this item (not a real one): lists, counts, patterns, search and exports leave it out.",
  ],
  tagSource: ["来源", "Source"],
  EXTRACTOR: ["自动抽取", "Extractor"],
  CURATOR: ["审核员", "Curator"],
  addItem: ["补录遗漏的条目", "Add a missed item"],
  addHelp: [
    "在下面的原文中选中该条目的文字，再选择类别、所属汇报和主题，并写明理由。",
    "Select the item's text in the readout below, then choose its kind, report and themes, and give a reason.",
  ],
  selection: ["选中的文字", "Selected text"],
  noSelection: ["尚未在原文中选中文字。", "No text selected in the readout yet."],
  itemKind: ["类别", "Kind"],
  add: ["补录", "Add"],
  reassign: ["改派给其他部门", "Given by another body"],
  merge: ["并入其他部门", "Merge into another department"],
  mergeHelp: [
    "两个节点是同一机构：此部门的汇报、名称等并入所选部门，此后其编号指向所选部门。",
    "Two nodes are one body: this department's reports and names move to the one chosen, and its id answers with it from then on.",
  ],
  chooseDepartment: ["选择部门", "Choose a department"],
  find: ["查找", "Find"],
  language: ["English", "中文"],
  languageLabel: ["Switch to English", "切换到中文"],
  alsoAs: ["其他格式", "Also as"],
  order: ["第", "No."],
  achievementsShort: ["成绩", "achievements"],
  shortcomingsShort: ["不足", "shortcomings"],
  directivesShort: ["部署", "directives"],
} satisfies Record<string, [string, string]>;

export type Key = keyof typeof STRINGS;

const STORAGE = "policygraph.lang";
let current: Lang = initialLang();

function initialLang(): Lang {
  const saved = safeStorage()?.getItem(STORAGE);
  if (saved === "zh" || saved === "en") return saved;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The interface language in use. */
export const lang = (): Lang => current;

/** Switches the interface language and remembers it. */
export function setLang(next: Lang): void {
  current = next;
  safeStorage()?.setItem(STORAGE, next);
  document.documentElement.lang = next === "zh" ? "zh" : "en";
}

/** An interface label in the current language. */
export const t = (key: Key): string => STRINGS[key][current === "zh" ? 0 : 1];

/** A name in the current language: the English one when asked for and known. */
export const named = (x: { name: string; nameEn?: string | null }): string =>
  current === "en" && x.nameEn ? x.nameEn : x.name;
