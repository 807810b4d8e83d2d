// Synthetic review-meeting readouts in the genre of the corpus (月度工作点评会), deterministic
// from a seed: for benchmarks of extraction and ingestion, and for large synthetic graphs.
//
//   import { generateReadout, generateCase, FAMILIES } from "./synthetic.mjs";
//   generateReadout(42)  -> the file text (front matter, blank line, body)
//   generateCase(42)     -> { name, text, expected: { family, date, kind, host, chair, attendees, subjects,
//                            achievements, shortcomings, directives, traditional, forms } }
//   generateCase(42, { family: "district" }) -> a readout of that family whatever the seed's share
//
// Three families, drawn per seed (the draw is its own stream, so a seed's city readout is the
// same text it was before the other families existed):
// - city: the 市委's meetings of municipal departments, districts, streets or enterprises;
// - district: a Beijing district's meeting of its towns, streets and bureaus (区科委, 区委教育工委 …,
//   the same short names in every district), chaired and commented on by its 区委书记, with the
//   genre's other forms: shortcomings as plain clauses after 但/但是/同时, lists that mix "、" and
//   "，", achievements as "，"-joined clauses;
// - other-locality: another city's or county's 述职评议会, 工作讲评会, 督政汇报会 or 点评会, dated
//   今天上午 / 昨天 …, where a 书记 or leader comments, often on no unit in particular.
// `expected.forms` names the phrasing each part was written in, so a benchmark can say which
// forms an extractor misses.
//
// Meeting dates are distinct for seeds 0 … 9999 (one day apart from 2010-01-01), so a synthetic
// graph of thousands of meetings has no two on the same day by accident.
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

const CITY_SHORTCOMING_FORMS = [
  ["list 但在…等方面仍存不足", (list) => `但在${list}等方面仍存不足。`],
  ["list 但存在…等不足", (list) => `但存在${list}等不足。`],
  ["list 但在…等方面还有差距", (list) => `但在${list}等方面还有差距。`],
  ["list 但在…等方面仍存在不足", (list) => `但在${list}等方面仍存在不足。`],
  ["list 但也存在…等问题", (list) => `但也存在${list}等问题。`],
];

function shortcomingSentence(pick, items) {
  const [form, write] = CITY_SHORTCOMING_FORMS[pick.int(CITY_SHORTCOMING_FORMS.length)];
  return { form, text: write(items.join("、")) };
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
  const sentence = shortcomingSentence(pick, ordered);
  return {
    text: `${subject}${achievements.join("；")}。${sentence.text}`,
    achievements,
    shortcomings: ordered,
    forms: { achievements: "；-joined", shortcomings: ordered.map(() => sentence.form) },
  };
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

// ---- city family (the 市委's meetings) -----------------------------------------------------------
function cityCase(seed) {
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
  const listSentence = `${who.listed.join("、")}${who.tail}依次发言，并接受${chairTitle}${chair}现场点评。`;
  const body = [
    `${when.phrase}，市委召开${title}。${listSentence}` + `${attendees.map(([t, n]) => `${t}${n}`).join("，")}参加。`,
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
      family: "city",
      date: iso(when.date),
      kind,
      host: "北京市",
      chair,
      attendees: attendees.map(([, n]) => n),
      subjects: who.subjects,
      achievements: assessments.map((a) => a.achievements),
      shortcomings: assessments.map((a) => a.shortcomings),
      // The chair's "对问题不足及相关建议要认真研究、及时改进" is a directive too (as gold counts it).
      directives: directives.count + 1,
      traditional,
      forms: {
        speakers: { form: `city ${kind} 依次发言`, sentence: listSentence },
        assessments: assessments.map((a) => ({ ...a.forms, text: a.text })),
      },
    },
  };
}

// ---- people -------------------------------------------------------------------------------------
const SURNAMES = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋贾丁薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤黎易常武乔贺赖龚",
];
const GIVEN = [
  ..."建国明华志伟强军平德海林光春晓东文宏永振新立红丽静敏芳燕辉鹏涛斌宇峰磊刚俊杰亮勇波超琳颖洁雪清远荣庆泽昌思嘉瑞祥安博然凯岩松柏",
];
// The curated people of seed/people.json: a synthetic official never takes one of their names
// (a curated chair's seat would say whose meeting it is).
const CURATED_PEOPLE = new Set(
  "蔡奇 尹力 陈吉宁 殷勇 李伟 魏小东 张延昆 吉林 李秀领 刘伟 游钧 杜飞进 王宁 李书磊 张强 彭丽霞 刘久刚 莫剑彬".split(
    " ",
  ),
);

function personName(pick) {
  for (;;) {
    const given = Array.from({ length: 1 + pick.int(2) }, () => pick.one(GIVEN)).join("");
    const name = pick.one(SURNAMES) + given;
    if (!CURATED_PEOPLE.has(name)) return name;
  }
}

// A locality's leaders, the same at every meeting it holds: drawn from a stream of their own.
function leadersOf(index, count) {
  const pick = picker(mulberry32(0x1ead + index * 7919));
  const names = [];
  while (names.length < count) {
    const name = personName(pick);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

// ---- district family (a district's meeting of its towns, streets and bureaus) --------------------
const DISTRICT_HOSTS = [
  ["通州区", "永顺镇 梨园镇 宋庄镇 张家湾镇 台湖镇 马驹桥镇 西集镇 漷县镇 中仓街道 新华街道 北苑街道 玉桥街道"],
  ["怀柔区", "汤河口镇 琉璃庙镇 宝山镇 长哨营满族乡 喇叭沟门满族乡 雁栖镇 杨宋镇 桥梓镇 泉河街道 龙山街道"],
  ["延庆区", "八达岭镇 康庄镇 延庆镇 旧县镇 永宁镇 张山营镇 大榆树镇 井庄镇 儒林街道 百泉街道 香水园街道"],
  ["门头沟区", "大峪街道 城子街道 东辛房街道 龙泉镇 永定镇 潭柘寺镇 军庄镇 妙峰山镇 王平镇 雁翅镇 斋堂镇 清水镇"],
  ["平谷区", "滨河街道 兴谷街道 金海湖镇 峪口镇 马坊镇 大华山镇 刘家店镇 山东庄镇"],
  ["密云区", "鼓楼街道 果园街道 溪翁庄镇 穆家峪镇 古北口镇 太师屯镇 不老屯镇 檀营满族蒙古族乡"],
  ["房山区", "长阳镇 良乡镇 琉璃河镇 窦店镇 周口店镇 拱辰街道 西潞街道 青龙湖镇"],
  ["大兴区", "西红门镇 黄村镇 旧宫镇 瀛海镇 青云店镇 兴丰街道 林校路街道 清源街道"],
].map(([name, towns], i) => {
  const [chair, mayor, congress, conference, deputy] = leadersOf(i, 5);
  return { name, towns: towns.split(" "), chair, mayor, congress, conference, deputy };
});
/** A district's bureaus, by the short names every district uses, with the title of who speaks for each. */
const DISTRICT_BODIES = [
  ["区发展改革委", "党组书记"],
  ["区科委", "党组书记"],
  ["区委教育工委", "书记"],
  ["区教委", "党组书记"],
  ["区生态环境局", "党组书记"],
  ["区农业农村局", "党组书记"],
  ["区财政局", "党组书记"],
  ["区住房城乡建设委", "党组书记"],
  ["区城市管理委", "党组书记"],
  ["区文化和旅游局", "党组书记"],
  ["区卫生健康委", "党委书记"],
  ["区水务局", "党组书记"],
  ["区园林绿化局", "党组书记"],
  ["区商务局", "党组书记"],
  ["区市场监管局", "党组书记"],
  ["区民政局", "党组书记"],
  ["区应急局", "党组书记"],
  ["区国资委", "党委书记"],
  ["区经济和信息化局", "党组书记"],
];
/** Meeting names a district gives its review meetings, with the kind the name says. */
const DISTRICT_TITLES = [
  ["月度工作点评会", "other"],
  ["区委书记月度工作点评会", "districts"],
  ["镇街党（工）委书记月度工作点评会", "streets"],
];
/** One clause per achievement (no "，" inside), so that a "，"-joined run reads as its items. */
const DISTRICT_ACHIEVEMENTS = [
  "构建区域化党建工作格局",
  "推动农文旅融合发展",
  "培育形成一批特色农产品品牌",
  "接诉即办综合评价保持全区前列",
  "完成年度造林绿化任务",
  "建成一批口袋公园和休闲绿地",
  "推进老旧小区综合整治",
  "开展背街小巷环境精细化整治提升",
  "财政收入增速位居全区前列",
  "引进一批高精尖企业",
  "推动科技成果在区内转化落地",
  "建成区级科技企业孵化平台",
  "组建教育集团扩大优质教育资源覆盖",
  "新增中小学学位两千余个",
  "完成农村人居环境整治年度任务",
  "深化“吹哨报到”改革",
  "办好群众身边的民生实事",
  "推动一批重点项目开工建设",
  "持续压减一般性支出",
  "开展安全生产隐患排查整治",
  "完成冬季清洁取暖改造",
  "推进美丽乡村建设",
  "打造特色精品民宿集群",
  "推进垃圾分类示范片区建设",
  "建立“街乡吹哨、部门报到”工作机制",
  "推进河长制落实落地",
  "完成重点河道生态治理",
  "PM2.5平均浓度持续下降",
  "统筹推进灾后恢复重建",
  "举办特色文化旅游节庆活动",
  "落实“双减”政策规范课后服务",
  "推进基层医疗卫生机构标准化建设",
];
/** What a gap is about, as the plain clauses name it (noun phrases: the clause says what is lacking). */
const GAP_TOPICS = [
  "基层党建工作",
  "招商引资",
  "科技成果转化",
  "产业转型升级",
  "财源建设",
  "生态环境治理",
  "主动治理",
  "安全生产监管",
  "垃圾分类",
  "物业管理",
  "村集体资产监管",
  "农村人居环境整治",
  "营商环境建设",
  "优质教育资源供给",
  "文旅业态培育",
  "城市精细化管理",
  "背街小巷治理",
  "重点项目储备",
  "基层医疗服务能力",
  "养老服务供给",
  "违法建设治理",
  "河湖长效管护",
  "森林防火",
  "应急管理",
  "要素保障",
];
/** Party-discipline gaps: one of them in every assessment, as the genre's readouts have. */
const PARTY_GAP_TOPICS = [
  "全面从严治党",
  "党风廉政建设",
  "干部队伍建设",
  "党员干部监督管理",
  "落实管党治党责任",
  "巡察整改",
];
/** A gap stated as a plain clause about a topic ("A不够深入", "在A上还有差距"). */
const GAP_CLAUSES = [
  ["不够深入", (a) => `${a}不够深入`],
  ["仍不充足", (a) => `${a}仍不充足`],
  ["还有短板弱项", (a) => `${a}还有短板弱项`],
  ["有欠缺", (a) => `${a}有欠缺`],
  ["基础不牢", (a) => `${a}基础不牢`],
  ["还需加强", (a) => `${a}还需加强`],
  ["有待提升", (a) => `${a}有待提升`],
  ["在…上还有差距", (a) => `在${a}上还有差距`],
];
/** What may come between the turn and the plain clauses. */
const GAP_LEAD_INS = ["", "", "", "也要看到，", "对照高质量发展要求，", "工作中还存在一些不足，"];
/** "A、B管理": two topics under one head, "、" inside an item of a list whose items "，" separates. */
const SHARED_HEADS = [
  ["安全", "消防", "管理"],
  ["物业", "停车", "管理"],
  ["资金", "资产", "监管"],
  ["河道", "林地", "管护"],
  ["规划", "用地", "管理"],
  ["食品", "药品", "安全监管"],
];
/** The last item of a mixed list, after 和: a phrase of its own (a preposition or verb opens it). */
const PHRASE_ITEMS = [
  "以数字化手段破解停车难",
  "以片区统筹推动城市更新",
  "通过“每月一题”破解群众急难愁盼",
  "推进老旧小区综合整治",
  "加强村级财务监督",
];
const DISTRICT_DIRECTIVES = [
  "要系统总结全年工作，谋划好明年重点任务",
  "各镇街要压实属地责任，抓好冬季安全生产",
  "要深化接诉即办改革，推动“每月一题”落地见效",
  "要抓紧推进重点项目建设，确保按期完工",
  "要扎实做好森林防火和汛期安全防范",
  "要坚持党建引领，推动基层治理重心下移",
  "各级党组织书记要履行好第一责任人职责",
  "要抓好点评反馈问题整改，建立问题清单和责任清单",
  "要做好冬季供暖和能源保供",
  "要统筹发展和安全，守牢安全生产底线",
  "各部门要主动服务镇街，帮助解决实际困难",
  "要加强干部队伍建设，激励干部担当作为",
];

// How a town's or street's head is titled, by the kind of place.
const townOrgan = (name) => (name.endsWith("街道") ? "党工委书记" : "党委书记");

// The speaker list as the district meeting writes it, and the chair's line after it.
function districtSpeakers(pick, host) {
  const towns = pick.some(host.towns, 2 + pick.int(3));
  const bodies = pick.some(DISTRICT_BODIES, 1 + pick.int(3));
  const names = [...towns, ...bodies.map(([n]) => n)];
  const organs = [...towns.map(townOrgan), ...bodies.map(([, o]) => o)];
  const list = names.join("、");
  const forms = [
    ["主要负责同志依次发言", () => `${list}主要负责同志依次发言`],
    ["党委（党组）书记依次述职", () => `${list}党委（党组）书记依次述职`],
    ["each named with 党委/党组书记, 依次发言", () => `${names.map((n, i) => n + organs[i]).join("、")}依次发言`],
    ["each named with 党委/党组书记, 作述职报告", () => `${names.map((n, i) => n + organs[i]).join("、")}作述职报告`],
    ["bare, 依次述职", () => `会上，${list}依次述职`],
    ["N个单位主要负责同志逐一汇报", () => `${list}${NUMERALS[names.length]}个单位主要负责同志逐一汇报`],
    ["听取了…的工作汇报", () => `会议听取了${list}的工作汇报`],
  ];
  const [form, write] = pick.one(forms);
  return { subjects: names, form, clause: write() };
}

function gapClauses(pick, topics) {
  const clauses = pick.some(GAP_CLAUSES, topics.length);
  return topics.map((topic, i) => {
    const [form, write] = clauses[i];
    return { form: `plain ${form}`, text: write(topic) };
  });
}

// The shortcomings of one district assessment: the sentence (or its comma-led tail) and its items.
function districtShortcomings(pick, afterComma) {
  const party = pick.one(PARTY_GAP_TOPICS);
  const topics = pick.some([party, ...pick.some(GAP_TOPICS, 2)], 2 + pick.int(2));
  const lead = (turn) => (afterComma ? `，${turn}` : `。${turn}`);
  switch (pick.int(5)) {
    case 0: {
      const items = gapClauses(pick, topics);
      const turn = pick.one(["但", "但是", "但"]);
      return { text: `${lead(turn)}${pick.one(GAP_LEAD_INS)}${items.map((i) => i.text).join("，")}。`, items };
    }
    case 1: {
      // 同时 opens gaps only in a sentence of its own.
      const items = gapClauses(pick, topics);
      return { text: `。同时，${items.map((i) => i.text).join("，")}。`, items };
    }
    case 2: {
      const [x, y, head] = pick.one(SHARED_HEADS);
      const z = pick.one(GAP_TOPICS.filter((t) => !topics.includes(t)));
      const texts = [`${x}、${y}${head}`, z, pick.one(PHRASE_ITEMS)];
      const list = `${texts[0]}，${texts[1]}和${texts[2]}`;
      const exists = pick.int(2) === 1;
      const form = exists ? "mixed list 但存在A、B管理，C和D等不足" : "mixed list 但在A、B管理，C和D等方面仍存不足";
      return {
        text: exists ? `${lead("但存在")}${list}等不足。` : `${lead("但在")}${list}等方面仍存不足。`,
        items: texts.map((text) => ({ form, text })),
      };
    }
    case 3:
      return {
        text: `${lead("但在")}${topics.join("、")}等方面仍存不足。`,
        items: topics.map((text) => ({ form: "list 但在…等方面仍存不足", text })),
      };
    default:
      return {
        text: `。同时，在${topics.join("、")}等方面还有差距。`,
        items: topics.map((text) => ({ form: "list 同时，在…等方面还有差距", text })),
      };
  }
}

function districtAssessment(pick, subject) {
  const achievements = pick.some(DISTRICT_ACHIEVEMENTS, 2 + pick.int(3));
  const commas = pick.int(2) === 1;
  const sc = districtShortcomings(pick, commas && pick.int(2) === 1);
  const text = `${subject}${achievements.join(commas ? "，" : "；")}${sc.text}`;
  return {
    text,
    achievements,
    shortcomings: sc.items.map((i) => i.text),
    forms: { achievements: commas ? "，-joined" : "；-joined", shortcomings: sc.items.map((i) => i.form) },
  };
}

function districtCase(seed) {
  const pick = picker(mulberry32(seed * 2246822519 + 3));
  const host = pick.one(DISTRICT_HOSTS);
  const when = dating(pick, seed);
  const [title, kind] = pick.one(DISTRICT_TITLES);
  const who = districtSpeakers(pick, host);
  const { chair } = host;
  // "区委召开区委书记…点评会" is not said: that name goes with the district's own.
  const opening = kind === "districts" ? pick.int(2) : pick.int(3);
  const convener = [host.name, `${host.name}委`, "区委"][opening];
  const chairLine = pick.int(4);
  const listSentence =
    [`${who.clause}，区委书记${chair}现场点评。`, `${who.clause}，并接受区委书记${chair}点评。`][chairLine] ??
    `${who.clause}。${chairLine === 2 ? "区委书记" : `${host.name}委书记`}${chair}主持会议并点评。`;
  const attendees = pick.some(
    [
      ["区委副书记、区长", host.mayor],
      ["区人大常委会主任", host.congress],
      ["区政协主席", host.conference],
      ["区委副书记", host.deputy],
    ],
    2 + pick.int(3),
  );
  const assessments = who.subjects.map((s) => districtAssessment(pick, s));
  const directives = pick.some(DISTRICT_DIRECTIVES, 1 + pick.int(6));
  const intro = pick.one(["会议强调，", `${chair}强调，`, `${chair}要求，`, "对于下一步工作，会议要求，"]);
  const review = pick.one([
    `随后，${chair}逐一点评。`,
    `认真听取发言后，${chair}一一点评。`,
    `${chair}对各单位工作逐一进行点评。`,
  ]);
  const body = [
    `${when.phrase}，${convener}召开${title}。${listSentence}${attendees.map(([t, n]) => `${t}${n}`).join("，")}参加。`,
    `${review}${assessments.map((a) => a.text).join("")}`,
    `${intro}${directives.join("。")}。`,
    "区委常委，区政府副区长，区有关部门主要负责同志参加。",
  ].join("\n");
  // "区委召开" names no district: the front matter says whose meeting it is.
  const front = opening === 2 ? `host: ${host.name}\n` : "";
  const text = `---\ntitle: ${host.name}召开${title}\nurl:\npublished: ${when.published}\n${front}---\n\n${body}\n`;
  return {
    name: `synthetic-${seed}`,
    text,
    expected: {
      family: "district",
      date: iso(when.date),
      kind,
      host: host.name,
      chair,
      attendees: attendees.map(([, n]) => n),
      subjects: who.subjects,
      achievements: assessments.map((a) => a.achievements),
      shortcomings: assessments.map((a) => a.shortcomings),
      directives: directives.length,
      traditional: false,
      forms: {
        speakers: { form: `district ${who.form}`, sentence: listSentence },
        assessments: assessments.map((a) => ({ ...a.forms, text: a.text })),
      },
    },
  };
}

// ---- other-locality family (another city's or county's review meeting) ---------------------------
const OTHER_HOSTS = [
  "宁波市",
  "绍兴市",
  "台州市",
  "岳阳市",
  "株洲市",
  "吴川市",
  "赣州市",
  "遵义市",
  "义乌市",
  "德清县",
  "长兴县",
  "安吉县",
  "宁乡县",
  "浏阳县",
].map((name, i) => {
  const [secretary, mayor, congress, conference, secretaryGeneral] = leadersOf(100 + i, 5);
  return { name, level: name.slice(-1), secretary, mayor, congress, conference, secretaryGeneral };
});
const OTHER_UNITS = [
  "委党校",
  "公安局",
  "金融办",
  "社科院",
  "供销社",
  "人民法院",
  "人民检察院",
  "妇联",
  "总工会",
  "科协",
  "教育局",
  "卫健委",
  "自然资源和规划局",
  "交通运输局",
  "农业农村局",
  "住建局",
  "商务局",
  "民政局",
  "人力社保局",
  "医保局",
  "机关事务局",
  "统计局",
];
const OTHER_TOWNS = [
  "城关镇",
  "新塘镇",
  "石门镇",
  "白沙镇",
  "龙潭镇",
  "花桥镇",
  "桥头镇",
  "黄田镇",
  "马山镇",
  "东湖街道",
  "金山街道",
  "双峰街道",
  "青山乡",
  "凤凰乡",
];
const OFFICE_UNITS = ["改革办", "机要局", "督查室", "秘书一科", "秘书二科", "综合科", "信息科", "法规室"];
const OTHER_ACHIEVEMENTS = [
  "建立党建工作责任清单",
  "推进模范机关创建",
  "开展“党建+业务”融合项目",
  "抓实党员教育管理",
  "推动基层党组织标准化规范化建设",
  "打造一批特色党建品牌",
  "完成村（社区）“两委”换届",
  "推进清廉机关建设",
  "落实“三会一课”制度",
  "选优配强村党组织书记",
];
const OTHER_DIRECTIVES = [
  "要强化政治意识，切实扛起管党治党政治责任",
  "要压实主体责任，推动基层党建工作全面进步全面过硬",
  "要坚持问题导向，对照评议指出的问题逐项整改",
  "要锻造过硬作风，坚决整治形式主义官僚主义",
  "要抓好基层党组织标准化规范化建设",
  "要把述职评议结果运用到年度考核中",
  "要聚焦全年目标任务，确保各项工作走在前列",
];
const QUESTIONS = ["机关党建做得成效如何", "“两张皮”问题有没有得到解决", "基层党建责任落实得怎么样"];

// Whose turn it is and what the meeting is called: the units depend on the meeting.
function otherMeeting(pick, host, year) {
  // A 年度 review looks back on the year before; a half-year or a quarter is this year's.
  const last = year - 1;
  const l = host.level;
  const units = (n) => pick.some(OTHER_UNITS, n).map((u) => l + u);
  switch (pick.int(5)) {
    case 0:
      return {
        title: `${last}年度${l}直部门党委（党组）书记抓基层党建工作述职评议会`,
        kind: l === "市" ? "municipal-departments" : "other",
        names: units(4 + pick.int(5)),
        tails: ["党委（党组）书记作述职报告", "COUNT家单位党委（党组）书记作述职报告", "党组织书记依次述职"],
        assessed: true,
      };
    case 1:
      return {
        title: `${last}年度乡镇（街道）党（工）委书记抓基层党建工作述职评议会`,
        kind: "streets",
        names: pick.some(OTHER_TOWNS, 4 + pick.int(5)),
        tails: ["党（工）委书记依次述职", "等COUNT个乡镇（街道）党（工）委书记依次述职"],
        assessed: true,
      };
    case 2:
      return {
        title: `${year}年上半年工作讲评会`,
        kind: "other",
        names: pick.some(OFFICE_UNITS, 3 + pick.int(4)),
        tails: ["等科室单位负责人依次进行工作总结", "负责人逐一汇报"],
        assessed: false,
        convener: `${host.name}委办公室系统`,
      };
    case 3:
      return {
        title: "重点工作督政汇报会",
        kind: "other",
        names: units(3 + pick.int(4)),
        tails: ["主要负责同志依次汇报", "主要负责人逐一汇报"],
        assessed: false,
      };
    default:
      return {
        title: `${year}年第${pick.one(["一", "二", "三"])}季度工作点评会`,
        kind: "other",
        names: units(3 + pick.int(4)),
        tails: ["主要负责同志依次发言", "党委（党组）书记依次发言"],
        assessed: true,
      };
  }
}

function otherAssessment(pick, subject) {
  const achievements = pick.some(OTHER_ACHIEVEMENTS, 2 + pick.int(2));
  const topics = pick.some([pick.one(PARTY_GAP_TOPICS), ...pick.some(GAP_TOPICS.slice(0, 8), 2)], 2);
  const items = gapClauses(pick, topics);
  return {
    text: `${subject}${achievements.join("，")}，但${items.map((i) => i.text).join("，")}。`,
    achievements,
    shortcomings: items.map((i) => i.text),
    forms: { achievements: "，-joined", shortcomings: items.map((i) => i.form) },
  };
}

function otherCase(seed) {
  const pick = picker(mulberry32(seed * 3266489917 + 5));
  const host = pick.one(OTHER_HOSTS);
  const date = addDays(new Date(Date.UTC(2010, 0, 1)), seed);
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const meeting = otherMeeting(pick, host, y);
  const { level } = host;
  const [when, published] = pick.one([
    ["今天上午", iso(date)],
    ["今天下午", iso(date)],
    ["昨天", iso(addDays(date, 1))],
    ["昨天下午", iso(addDays(date, 1))],
    [`${m}月${d}日上午`, String(y)],
  ]);
  const convener = meeting.convener ?? host.name;
  const openings = [
    [`${when}，${convener}召开${meeting.title}。`, false],
    [`${host.name}人民政府网讯  ${when}，我${level}召开${meeting.title}。`, false],
    [`一年到头，${pick.one(QUESTIONS)}？${when}，${meeting.title}举行。`, true],
    [`${when}，我${level}召开${meeting.title}。`, true],
  ];
  const [opening, needsHost] = meeting.convener ? openings[0] : pick.one(openings);
  const chairTitle = pick.one([`${level}委书记`, `${level}委常委、秘书长`]);
  const chair = chairTitle.includes("秘书长") ? host.secretaryGeneral : host.secretary;
  const attendees = pick.int(2)
    ? pick.some(
        [
          [`${level}委副书记、${level}长`, host.mayor],
          [`${level}人大常委会主任`, host.congress],
          [`${level}政协主席`, host.conference],
        ],
        2 + pick.int(2),
      )
    : [];
  const n = meeting.names.length;
  const tail = pick.one(meeting.tails).replace("COUNT", NUMERALS[n] ?? String(n));
  const listClause = `会上，${meeting.names.join("、")}${tail}`;
  const chairs = [
    `${listClause}，${chairTitle}${chair}逐一点评。`,
    `${listClause}。${chairTitle}${chair}对述职情况作了集中点评。`,
    `${listClause}。${chairTitle}${chair}主持会议并点评。`,
  ];
  const listSentence = pick.one(chairs);
  const assessed = meeting.assessed && pick.int(2) === 1;
  const assessments = assessed ? meeting.names.map((s) => otherAssessment(pick, s)) : [];
  const directives = pick.some(OTHER_DIRECTIVES, 1 + pick.int(4));
  const attendLine = attendees.length ? `${attendees.map(([t, n]) => `${t}${n}`).join("，")}等出席会议。` : "";
  const review = assessed
    ? `认真听取述职后，${chair}逐一点评。${assessments.map((a) => a.text).join("")}`
    : pick.one([
        `${chair}指出，当前仍存在主体责任压得不够实、${pick.one(GAP_TOPICS)}存在短板等问题。`,
        `${chair}充分肯定了各单位的工作成绩，也指出了${pick.one(GAP_TOPICS)}推进不平衡等问题。`,
        `${chair}总结了各单位的主要做法和特点，对下一步工作提出明确要求。`,
      ]);
  const body = [
    `${opening}${attendLine}`,
    listSentence,
    review,
    `${pick.one(["会议强调，", `${chair}强调，`, "会议要求，"])}${directives.join("；")}。`,
  ].join("\n");
  const front = needsHost ? `host: ${host.name}\n` : "";
  const text = `---\ntitle: ${host.name}召开${meeting.title}\nurl:\npublished: ${published}\n${front}---\n\n${body}\n`;
  return {
    name: `synthetic-${seed}`,
    text,
    expected: {
      family: "other-locality",
      date: iso(date),
      kind: meeting.kind,
      host: host.name,
      chair,
      attendees: attendees.map(([, n]) => n),
      subjects: meeting.names,
      achievements: meeting.names.map((_, i) => assessments[i]?.achievements ?? []),
      shortcomings: meeting.names.map((_, i) => assessments[i]?.shortcomings ?? []),
      directives: directives.length,
      traditional: false,
      forms: {
        speakers: { form: `other-locality ${tail.replace(/[一二三四五六七八九十]+/, "N")}`, sentence: listSentence },
        assessments: assessments.map((a) => ({ ...a.forms, text: a.text })),
      },
    },
  };
}

// ---- the mix -------------------------------------------------------------------------------------
/** The families of readouts, with the share of seeds each gets. */
export const FAMILIES = { city: 0.45, district: 0.4, "other-locality": 0.15 };
const MAKERS = { city: cityCase, district: districtCase, "other-locality": otherCase };

/** The family of a seed's readout: a draw of its own, so the families' texts do not depend on each other. */
export function familyOf(seed) {
  let r = mulberry32(seed * 40503 + 0x5eed)();
  for (const [family, share] of Object.entries(FAMILIES)) {
    if (r < share) return family;
    r -= share;
  }
  return "city";
}

/** One synthetic readout with what an extractor should find in it; `family` overrides the seed's draw. */
export function generateCase(seed, { family = familyOf(seed) } = {}) {
  const make = MAKERS[family];
  if (!make) throw new Error(`unknown family ${family}: choose from ${Object.keys(MAKERS).join(", ")}`);
  return make(seed);
}

/** The file text of one synthetic readout (front matter, blank line, body), deterministic from the seed. */
export function generateReadout(seed, options) {
  return generateCase(seed, options).text;
}
