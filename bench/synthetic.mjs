// Synthetic review-meeting readouts in the genre of the corpus (月度工作点评会), deterministic
// from a seed: for benchmarks of extraction and ingestion, and for large synthetic graphs.
//
//   import { generateReadout, generateCase } from "./synthetic.mjs";
//   generateReadout(42)  -> the file text (front matter, blank line, body)
//   generateCase(42)     -> { name, text, expected: { date, kind, chair, attendees, subjects, shortcomings, directives, traditional } }
//
// Meeting dates are distinct for seeds 0 … 9999 (one day apart from 2010-01-01), so a synthetic
// graph of thousands of meetings has no two on the same day of the same kind by accident.
import { Converter } from "opencc-js";

const toTraditional = Converter({ from: "cn", to: "hk" });

// ---- pools ---------------------------------------------------------------------------------------
const DEPARTMENTS = [
  "市发展改革委",
  "市财政局",
  "市规划自然资源委",
  "市住房城乡建设委",
  "市国资委",
  "市科委",
  "中关村管委会",
  "市经济和信息化局",
  "市商务局",
  "市教委",
  "市卫生健康委",
  "市人力资源社会保障局",
  "市生态环境局",
  "市交通委",
  "市城市管理委",
  "市水务局",
  "市园林绿化局",
  "市文化和旅游局",
  "市民政局",
  "市应急局",
  "市市场监管局",
  "市政务服务局",
  "市农业农村局",
  "市审计局",
  "市体育局",
  "市文物局",
  "市医保局",
  "市退役军人事务局",
];
const DISTRICTS = [
  "东城",
  "西城",
  "朝阳",
  "海淀",
  "丰台",
  "石景山",
  "门头沟",
  "房山",
  "通州",
  "顺义",
  "昌平",
  "大兴",
  "怀柔",
  "平谷",
  "密云",
  "延庆",
];
const STREETS = [
  "东城区东华门街道",
  "东城区景山街道",
  "西城区什刹海街道",
  "西城区金融街街道",
  "朝阳区三里屯街道",
  "朝阳区望京街道",
  "海淀区清河街道",
  "海淀区学院路街道",
  "丰台区卢沟桥街道",
  "石景山区八宝山街道",
  "西城区大栅栏街道",
  "昌平区回龙观街道",
  "昌平区天通苑北街道",
  "大兴区西红门镇",
  "顺义区马坡镇",
  "通州区永顺镇",
  "房山区长阳镇",
];
const ENTERPRISES = [
  "首钢集团",
  "北汽集团",
  "北京城建集团",
  "首农食品集团",
  "京能集团",
  "北控集团",
  "首旅集团",
  "首创集团",
  "北京建工集团",
  "金隅集团",
  "北京公交集团",
  "北京一轻控股公司",
  "北京电控集团",
  "北京外企集团",
];
const CHAIRS = [
  ["市委书记", "蔡奇"],
  ["市委书记", "尹力"],
];
const ATTENDEES = [
  ["市委副书记、市长", "陈吉宁"],
  ["市委副书记、市长", "殷勇"],
  ["市人大常委会主任", "李伟"],
  ["市人大常委会主任", "李秀领"],
  ["市政协主席", "吉林"],
  ["市政协主席", "魏小东"],
  ["市委副书记", "刘伟"],
  ["市委副书记、市人大常委会副主任", "张延昆"],
  ["市委常委、市委秘书长", "崔述强"],
];
const ACHIEVEMENTS = [
  "狠抓一季度“开门红”，一批重点项目开工建设",
  "全面完成营商环境改革任务，多项任务超额完成年度目标",
  "推动区域协调发展，组织实施疏解整治促提升专项行动",
  "接诉即办综合排名保持前列",
  "顺利完成财政组收任务，收入质量稳步提升",
  "下力气抓财源建设，大幅压减一般性支出",
  "开展街区控规编制工作，实现街区指引全覆盖",
  "持续解决历史遗留房产证办理难问题",
  "加大老旧小区改造力度，超额完成年度任务",
  "建设系统安全生产事故数量同比下降两成",
  "推动企业积极服务全市中心工作，圆满完成重大活动保障任务",
  "研发投入创历史新高，突破一批“卡脖子”技术",
  "深入推进疏解整治促提升，巩固了“基本无违法建设城区”成果",
  "坚持“百人对百家”服务企业，优化营商环境积极主动",
  "持续抓腾笼换鸟，推进产业转型",
  "提出新一轮百万亩造林绿化工程“五年任务、三年完成”，劲头足",
  "积极承接中心城区溢出功能，安置房和学校、医院建设进展顺利",
  "推动农文旅融合发展，培育形成一批农产品品牌",
  "统筹灾后恢复重建和高质量发展，保障基础设施恢复重建",
  "扎实办好民生实事，接诉即办评价保持“优秀”档次",
  "深化“吹哨报到”改革，建立街区责任规划师制度",
  "推进垃圾分类，居民参与率明显提升",
  "新能源汽车销量连续多年全国领先",
  "深化混合所有制改革，引进战略投资者",
  "冬季供热平稳运行，能源保供有力有序",
  "举办文化旅游节等民族文化活动",
  "推动“两区”建设，服务业扩大开放取得新突破",
  "中关村先行先试改革取得新进展",
];
const SHORTCOMINGS = [
  "全面从严治党",
  "推动“五子”联动",
  "推进京津冀协同发展",
  "干部监督管理",
  "民生领域投入",
  "对基层财政指导服务",
  "党风廉政建设",
  "加强规划管理",
  "规自领域问题整改",
  "党员干部管理",
  "推进城市更新",
  "完善公租房持有运营机制",
  "执行“三重一大”制度",
  "提升国资规模和效益",
  "优化国有经济布局",
  "选人用人工作好评率不高",
  "落实“两个责任”",
  "文化产业发展",
  "棚改完成进度",
  "财源建设",
  "环境精细化治理",
  "取暖设备维护",
  "消防隐患治理",
  "落实管党治党责任",
  "丰富文旅业态",
  "探索乡村振兴路径",
  "村级干部队伍建设",
  "村集体资产监管",
  "垃圾分类",
  "物业管理覆盖",
  "交通拥堵治理",
  "科技成果转化",
  "产业链供应链韧性",
  "基层医疗服务能力",
  "巡视整改",
];
const PARTY_SHORTCOMINGS = [
  "全面从严治党",
  "干部监督管理",
  "党风廉政建设",
  "党员干部管理",
  "落实管党治党责任",
  "巡视整改",
];
const DIRECTIVES = [
  "要完整准确全面贯彻新发展理念，聚焦“五子”联动推动高质量发展",
  "党组（党委）书记要履行好全面从严治党主体责任，带好班子和队伍",
  "各级各部门“一把手”要把接诉即办工作抓在手上，加强和改进工作",
  "12345市民服务热线加强政策业务培训，增强科技赋能",
  "提高主动治理效能，加强分类指导，深化专项监督",
  "要继续抓好“双减”工作，全面规范教育教学秩序",
  "适当引入校外优质教育资源，丰富课后服务供给",
  "要抓好节日期间安全工作",
  "严格落实安全生产责任制，全面排查治理隐患",
  "做好巡查巡护，严防森林火灾",
  "各级加强应急值守",
  "要加强经济运行调度，加紧谋划推进下季度经济工作",
  "狠抓基础设施、“高精尖”产业、城市更新等重点领域投资调度",
  "扩大优质消费供给，拉动文体等消费市场",
  "持续开展线上线下促消费活动",
  "推进“两区”建设各项重点任务落地实施",
  "落实减负纾困政策",
  "加大能源和原材料保供稳价力度，维护产业链供应链稳定",
  "要推进文明城区创建，提升工作实效和群众获得感",
  "要抓紧推进造林绿化，按时完成造林绿化工程任务",
  "各级各部门要当好“施工队长”，以钉钉子精神抓好任务落实",
  "市发展改革委要加强经济运行监测分析",
  "市城市管理委要会同各区做好垃圾分类宣传动员",
  "要做好冬季能源保供和供热保障",
  "从严从紧抓好疫情防控，严格进返京管理，公共场所严格落实测温验码、佩戴口罩等防疫措施",
  "要坚持党建引领，把“吹哨报到”改革引向深入，推动治理重心下移",
  "要整治群租房和地下空间，坚决守住安全底线",
  "各区要为街道乡镇赋权、减负、增效，推动各项政策落地见效",
  "要深化国企改革，提高国有资本配置效率，做强做优做大国有资本",
  "各企业要把安全生产摆在突出位置，严格落实安全责任，坚决防范遏制重特大事故",
  "市国资委要加强对市管企业的监督指导",
  "要统筹疫情防控和经济社会发展，严格落实常态化防控措施，确保经济平稳运行",
  "加快推进重点工程建设，确保按期完工并投入使用",
  "要做好汛期安全防范，加强隐患排查，确保安全度汛",
  "抓实抓细中关村新一轮先行先试改革配套工作",
  "持续优化营商环境，用好“一网通办”平台，切实为市场主体减负",
  "要抓好垃圾分类，推动生活垃圾管理条例落地实施",
  "扎实推进老旧小区综合整治和背街小巷环境精细化整治提升",
  "要加强物业管理，推动党建引领物业服务全覆盖",
];
const ROLE = {
  "municipal-departments": { title: "市直部门党组（党委）书记月度工作点评会", role: "" },
  districts: { title: "区委书记月度工作点评会", role: "区委书记" },
  streets: { title: "街道（乡镇）党（工）委书记月度工作点评会", role: "党（工）委书记" },
  soes: { title: "市管国有企业党委书记月度工作点评会", role: "党委书记" },
};
const NUMERALS = ["", "一", "两", "三", "四", "五", "六", "七", "八"];

// ---- helpers -------------------------------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function picker(random) {
  const int = (n) => Math.floor(random() * n);
  const one = (list) => list[int(list.length)];
  const some = (list, n) => {
    const pool = [...list];
    const out = [];
    while (out.length < n && pool.length) out.push(pool.splice(int(pool.length), 1)[0]);
    return out;
  };
  return { int, one, some };
}

const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);

function dating(pick, seed) {
  const date = addDays(new Date(Date.UTC(2010, 0, 1)), seed);
  const [m, d, y] = [date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCFullYear()];
  switch (pick.int(6)) {
    case 0:
      return { date, published: iso(addDays(date, 1)), phrase: "昨天下午" };
    case 1:
      return { date, published: iso(date), phrase: "今天上午" };
    case 2:
      return { date, published: iso(addDays(date, 2)), phrase: "前天下午" };
    case 3:
      return { date, published: String(y), phrase: `${y}年${m}月${d}日下午` };
    default:
      return {
        date,
        published: iso(addDays(date, pick.int(4))),
        phrase: `${m}月${d}日${pick.one(["下午", "上午", ""])}`,
      };
  }
}

function speakers(pick, kind) {
  const n = 4 + pick.int(4);
  if (kind === "districts") {
    const names = pick.some(DISTRICTS, n);
    return { listed: names, subjects: names.map((x) => `${x}区`), tail: `${NUMERALS[n]}位区委书记` };
  }
  const pool = { "municipal-departments": DEPARTMENTS, streets: STREETS, soes: ENTERPRISES }[kind];
  const names = pick.some(pool, n);
  return { listed: names, subjects: names, tail: ROLE[kind].role };
}

function shortcomingSentence(pick, items) {
  const list = items.join("、");
  return pick.one([
    `但在${list}等方面仍存不足。`,
    `但存在${list}等不足。`,
    `但在${list}等方面还有差距。`,
    `但在${list}等方面仍存在不足。`,
    `但也存在${list}等问题。`,
  ]);
}

function assessment(pick, subject) {
  const achievements = pick.some(ACHIEVEMENTS, 3 + pick.int(4));
  // Some subjects get a longer first achievement, as real readouts do.
  if (pick.int(2)) achievements[0] += `，${pick.one(ACHIEVEMENTS)}`;
  const shortcomings = [
    pick.one(PARTY_SHORTCOMINGS),
    ...pick.some(
      SHORTCOMINGS.filter((s) => !PARTY_SHORTCOMINGS.includes(s)),
      2,
    ),
  ];
  const ordered = pick.some(shortcomings, 3);
  return { text: `${subject}${achievements.join("；")}。${shortcomingSentence(pick, ordered)}`, shortcomings: ordered };
}

// As many directives as the corpus's readouts issue: from one closing sentence (district and town
// meetings) to two dozen (the municipal departments' meeting of 2022-03-31).
function directivesParagraph(pick) {
  const chosen = pick.some(DIRECTIVES, 1 + pick.int(24));
  const third = Math.floor(chosen.length / 3);
  const sentences = (list) => (list.length ? `${list.join("。")}。` : "");
  const text =
    `会议指出，各单位都是服务经济社会发展的重要职能部门，在推动全市改革发展中承担着重要职责。${sentences(chosen.slice(0, third))}` +
    "会议通报了本月接诉即办情况，对综合评分排名靠前和排名靠后的街道乡镇、区、市级部门和国有企业进行了点名通报。" +
    "作为接诉即办工作排名靠前的街乡镇代表，一位街道工委书记作了交流发言。" +
    `会议强调，接诉即办是民生晴雨表，检验的是各级干部为民情怀和治理能力。${sentences(chosen.slice(third, 2 * third))}` +
    `对于下一步工作，会议强调，${sentences(chosen.slice(2 * third))}`;
  return { text, count: chosen.length };
}

/** One synthetic readout with what an extractor should find in it. */
export function generateCase(seed) {
  const random = mulberry32(seed * 2654435761 + 1);
  const pick = picker(random);
  const kind = pick.one(Object.keys(ROLE));
  const when = dating(pick, seed);
  const [chairTitle, chair] = pick.one(CHAIRS);
  const attendees = pick
    .some(ATTENDEES, 2 + pick.int(3))
    .filter(([, name], i, all) => all.findIndex(([, n]) => n === name) === i);
  const who = speakers(pick, kind);
  const assessments = who.subjects.map((s) => assessment(pick, s));
  const directives = directivesParagraph(pick);
  const title = ROLE[kind].title;
  const body = [
    `${when.phrase}，市委召开${title}。${who.listed.join("、")}${who.tail}依次发言，并接受${chairTitle}${chair}现场点评。` +
      `${attendees.map(([t, n]) => `${t}${n}`).join("，")}参加。`,
    `${chair}说，各单位讲成绩客观、点问题不避短，值得肯定。对问题不足及相关建议要认真研究、及时改进。` +
      `${who.subjects.length}个单位发言后，${chair}一一点评。${assessments.map((a) => a.text).join("")}`,
    directives.text,
    "市委常委、副市长，市政府秘书长在主会场参加。十六区和市有关部门主要负责同志以视频会的形式参加。",
  ].join("\n");
  const traditional = random() < 0.15;
  const text = `---\ntitle: 市委召开${title}\nurl:\npublished: ${when.published}\n---\n\n${body}\n`;
  return {
    name: `synthetic-${seed}`,
    text: traditional ? toTraditional(text) : text,
    expected: {
      date: iso(when.date),
      kind,
      chair,
      attendees: attendees.map(([, n]) => n),
      subjects: who.subjects,
      shortcomings: assessments.map((a) => a.shortcomings),
      // The chair's "对问题不足及相关建议要认真研究、及时改进" is a directive too (as gold counts it).
      directives: directives.count + 1,
      traditional,
    },
  };
}

/** The file text of one synthetic readout (front matter, blank line, body), deterministic from the seed. */
export function generateReadout(seed) {
  return generateCase(seed).text;
}
