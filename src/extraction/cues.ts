/**
 * Phrasings shared by several rules: what opens the meeting's directives, what narrates.
 */

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/**
 * "会议强调，", "会议指出，", "对于下一步工作，会议强调，", "蔡奇说，": what introduces the meeting's
 * (or its chair's) directions. Built per readout because the chair's name is part of it.
 */
export function directiveIntro(chair: string | null): RegExp {
  const who = ["会议", "会上", ...(chair ? [chair.replace(ESCAPE, "\\$&")] : [])].join("|");
  return new RegExp(
    `(?:${who})(?:还|也|同时|进一步|最后|特别|在讲话中|讲话|在点评时|在点评中)?(?:强调|指出|要求|提出|说|表示|认为|希望|部署)[，：]`,
  );
}

/** Name endings that mark an organisation ("市国资委", "石景山区", "首钢集团"). */
export const ORG_NAME_END = /(?:委|局|办|区|县|镇|乡|街道|集团|公司|中心|院|会|厅|部|署|行|所|馆|台|站|社)$/;

/** Sentences that tell what happened rather than what is to be done. */
export const NARRATION =
  /依次发言|逐一点评|一一点评|现场点评|交流发言|作了发言|会议通报|通报了|点名通报|责任编辑|记者|编辑：|来源：|(?:参加|出席|列席|主持)(?:会议)?[。！\s]*$/;
