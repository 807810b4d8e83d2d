import { findCuratedDepartment } from "../registry/department.registry";
import { DepartmentKind } from "../../model/department-kind";
import { findCuratedPerson } from "../registry/person.registry";
import { FrontMatter } from "./readout";
import { siteLocality } from "./sites";
import { Segment, Source } from "./text";

/**
 * The meeting's host: the locality whose meeting it is (北京市, 通州区, 宁波市). Readouts name it in
 * their opening ("通州区召开…", "北京市委召开…", "吴川市人民政府网讯") or only by its level ("区委召开…",
 * "我市召开…"); then the front matter's `host`, the site the readout was published on, or the seat
 * of a curated chair of that level tells whose meeting it is.
 */
export interface HostFinding {
  host: string | null;
  /** Where the host came from: the readout's words, its front matter or --host, its site, the curated registries. */
  source: "text" | "front-matter" | "site" | "registry" | null;
  warning?: string;
}

/** The level of government a readout's own words give its meeting ("区委召开" → 区). */
export type HostLevel = "市" | "区" | "县" | null;

/** A locality's name: two to six characters before 市/区/县/旗, optionally under a city ("宁波市海曙区"). */
const LOCALITY =
  "(?:[\\u4e00-\\u9fff]{2,6}?[市州盟](?:[\\u4e00-\\u9fff]{1,5}?[区县旗])?|[\\u4e00-\\u9fff]{2,6}?[市区县旗])";
/** Words that look like a locality's name but point at one ("我市", "全区", "各区"). */
const NOT_A_NAME =
  /^(?:我|全|本|各|该|此|两|三|四|五|六|七|八|九|十|多|一|首|市|区|县|分|城|新|上|下|同|地|并|由|和|及|与|在|对|向|经|据|受|接|听|会|今|昨|前|近|日)|接受|听取|召开|主持|点评|出席|参加|[一二三四五六七八九十两\d](?:位|个|名|家)/;
/** "通州区召开", "北京市委召开", "中共宁波市委组织召开": a locality convening at the start of a clause. */
const CONVENES = new RegExp(
  `(?:^|[，。；：、\\s）])(?:中共)?(${LOCALITY})(?:委员会|委|人民政府|政府)?(?:常委会|办公室)?(?:组织召开|主持召开|召开|举行|举办)`,
  "g",
);
/** "吴川市人民政府网讯", "怀柔区融媒体中心讯": the dateline of a local outlet. */
const DATELINE = new RegExp(
  `^\\s*(${LOCALITY})(?:人民政府网|政府网|融媒体中心|新闻中心|新闻网|融媒|电视台|广播电视台)?讯`,
);
/** "通州区委书记孟景伟", "接受北京市委书记蔡奇": a locality's secretary, at a clause start or after 接受/由. */
const SECRETARY = new RegExp(
  `(?:^|[，。；：\\s）]|接受|由|听取)(?:中共)?(${LOCALITY})委(?:副)?书记[\\u4e00-\\u9fff]{2,3}`,
  "g",
);
/** What the readout calls its own level: "区委召开", "我区", "全市", "县委书记". */
const LEVEL = /(?:^|[^\u4e00-\u9fff]|召开|接受|由)(市|区|县)委|我(市|区|县)|全(市|区|县)/;

function localityIn(text: string, rule: RegExp): string | null {
  for (const m of text.matchAll(rule)) {
    const name = m[1];
    if (!NOT_A_NAME.test(name)) return name;
  }
  return null;
}

/** The level a text gives its meeting, from its own words. */
export function hostLevel(text: string): HostLevel {
  const m = LEVEL.exec(text);
  return m ? ((m[1] ?? m[2] ?? m[3]) as HostLevel) : null;
}

function levelOf(name: string): HostLevel {
  const last = name[name.length - 1];
  if (last === "区" || last === "旗") return "区";
  if (last === "县") return "县";
  return "市";
}

/** The opening of a readout: its front-matter title and its first sentences, where it says whose meeting it is. */
function openingText(src: Source, title: string): string {
  const sentences = src.sentences.slice(0, 3);
  const body = sentences.map((s) => src.match.slice(s.start, s.end)).join("");
  return `${title}\n${body}`;
}

/** The locality the opening names explicitly, if any. */
export function hostInText(opening: string): string | null {
  const body = opening.slice(opening.indexOf("\n") + 1);
  return localityIn(opening, CONVENES) ?? DATELINE.exec(body)?.[1] ?? localityIn(opening, SECRETARY);
}

/** What the rest of the extraction knows, for the registries' evidence. */
export interface HostEvidence {
  chair: string | null;
  subjects: string[];
}

// "市委书记蔡奇": a curated chair of the readout's level, whose seat is known.
function hostByRegistry(level: HostLevel, evidence: HostEvidence): string | null {
  const seat = evidence.chair ? findCuratedPerson(evidence.chair)?.seat : undefined;
  if (seat && (level === null || levelOf(seat) === level)) return seat;
  // A city meeting whose speakers are mostly the curated Beijing bodies is Beijing's.
  if (level !== "市" || !evidence.subjects.length) return null;
  const beijing = evidence.subjects.filter((s) => {
    const entry = findCuratedDepartment(s);
    return entry && !BELOW_CITY.has(entry.kind);
  });
  return beijing.length * 2 >= evidence.subjects.length ? "北京市" : null;
}

const BELOW_CITY: ReadonlySet<DepartmentKind> = new Set([
  DepartmentKind.DISTRICT_DEPARTMENT,
  DepartmentKind.TOWN,
  DepartmentKind.STREET,
]);

function segmentText(src: Source, seg: Segment | null): string {
  return seg ? src.match.slice(seg.start, seg.end) : "";
}

/**
 * Finds the meeting's host: named in the opening, else the front matter's `host` (or --host), else
 * the site it was published on (when its level fits what the text says), else a curated chair's
 * seat or the curated bodies that spoke, else null with a warning.
 */
export function findHost(
  src: Source,
  front: FrontMatter,
  evidence: HostEvidence,
  opening?: Segment | null,
): HostFinding {
  const text = openingText(src, front.title) + segmentText(src, opening ?? null);
  const named = hostInText(text);
  if (named) return { host: named, source: "text" };
  if (front.host) return { host: front.host, source: "front-matter" };
  const level = hostLevel(text);
  const site = siteLocality(front.url, front.site);
  if (site && (level === null || levelOf(site) === level)) return { host: site, source: "site" };
  const known = hostByRegistry(level, evidence);
  if (known) return { host: known, source: "registry" };
  return {
    host: null,
    source: null,
    warning: `meeting host unknown: the text does not name the ${level ?? "locality"} whose meeting it is; give host: in the front matter or --host NAME`,
  };
}
