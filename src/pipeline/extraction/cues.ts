import { WordIndex } from "./words";

/**
 * Phrasings shared by several rules: what opens the meeting's directives, what narrates.
 */

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/**
 * "会议强调，", "会议指出，", "对于下一步工作，会议强调，", "蔡奇说，": what introduces the meeting's
 * (or its chair's) directions. Built per readout because the chair's name is part of it.
 */
export function directiveIntro(chair: string | null): RegExp {
  const who = ["会议", "会上", "他", "她", ...(chair ? [chair.replace(ESCAPE, "\\$&")] : [])].join("|");
  return new RegExp(
    `(?:${who})(?:还|也|同时|进一步|最后|特别|在讲话中|讲话|在点评时|在点评中)?(?:强调|指出|要求|提出|说|表示|认为|希望|部署)[，：]`,
  );
}

/** Name endings that mark an organisation ("市国资委", "石景山区", "首钢集团"). */
export const ORG_NAME_END = /(?:委|局|办|区|县|镇|乡|街道|集团|公司|中心|院|会|厅|部|署|行|所|馆|台|站|社)$/;

/** Sentences that tell what happened rather than what is to be done. */
export const NARRATION =
  /依次发言|逐一点评|一一点评|现场点评|交流发言|作了发言|会议通报|通报了|点名通报|责任编辑|记者|编辑：|来源：|(?:参加|出席|列席|主持)(?:会议)?[。！\s]*$/;

/** Verbs a directive opens with when it has no 要 ("严格落实…", "做好…", "12345市民服务热线加强…"). */
const IMPERATIVE_VERBS = [
  ...["加强", "加快", "加大", "加紧", "加速", "加力", "提高", "提升", "推进", "推动", "严格", "严防", "严守", "严把"],
  ...["严禁", "从严", "做好", "做实", "做细", "做足", "抓好", "抓实", "抓紧", "抓住", "抓细", "抓牢", "狠抓", "紧抓"],
  ...["扩大", "持续", "落实", "坚持", "坚决", "深化", "深入", "完善", "强化", "确保", "切实", "全面", "继续", "进一步"],
  ...["积极", "统筹", "聚焦", "围绕", "着力", "大力", "扎实", "认真", "优化", "防范", "防止", "健全", "建立", "支持"],
  ...["鼓励", "引导", "开展", "实施", "用好", "办好", "管好", "守好", "守住", "守牢", "压实", "压紧", "筑牢", "巩固"],
  ...["促进", "增强", "打造", "构建", "谋划", "贯彻", "对标", "紧扣", "牢牢", "始终", "适当", "及时", "主动", "精心"],
  ...["不断", "努力", "规范", "维护", "保持", "提前", "尽快", "扛起", "当好", "争取", "力争", "避免", "杜绝", "排查"],
  ...["整治", "发挥", "带头", "着重", "切忌", "禁止", "树牢", "夯实", "补齐", "拓展", "激发", "培育", "营造", "细化"],
  ...["全力", "集中力量", "下大力气", "千方百计", "锚定", "瞄准", "把握", "把好", "解决", "备足", "倒排", "对照"],
];
/** The imperative verbs, indexed for a look-up at a position of a text. */
export const IMPERATIVE = new WordIndex(IMPERATIVE_VERBS);
