import { extractReadout } from "./extract";

const readout = (body: string, title = "测试", published = "2022-03-31") =>
  `---\ntitle: ${title}\nurl:\npublished: ${published}\n---\n\n${body}`;

describe("meeting", () => {
  it("names the chair and attendees without their titles, chair left out of attendees", () => {
    const x = extractReadout(
      readout(
        "3月31日下午，市委召开市直部门党组（党委）书记月度工作点评会。市甲局、市乙委依次发言，并接受市委书记蔡奇现场点评。" +
          "市委副书记、市长陈吉宁，市人大常委会主任李伟，市委副书记、市人大常委会副主任张延昆参加。" +
          "市委常委、副市长、市政府秘书长，市委、市政府副秘书长在主会场和分会场参加。",
      ),
    );
    expect(x.meeting.chair).toBe("蔡奇");
    expect(x.meeting.attendees).toEqual(["陈吉宁", "李伟", "张延昆"]);
  });

  it("reads chairs named after the list, by 主持, and attendees listed after 市领导", () => {
    const town = extractReadout(
      readout(
        "10月31日，区委召开月度工作点评会。甲镇、乙镇主要负责同志依次发言，区委书记张强现场点评。区人大常委会主任彭丽霞，区委副书记、区委政法委书记莫剑彬参加。",
      ),
    );
    expect([town.meeting.chair, town.meeting.attendees]).toEqual(["张强", ["彭丽霞", "莫剑彬"]]);
    const comrade = extractReadout(readout("3月31日，市委召开点评会。甲、乙依次发言，市委书记蔡奇同志现场点评。"));
    expect(comrade.meeting.chair).toBe("蔡奇");
    const soe = extractReadout(
      readout(
        "前天下午，市委召开市管国有企业党委书记月度工作点评会，市委书记蔡奇主持会议并点评。首钢集团、京能集团党委书记依次发言。市领导陈吉宁、李伟、吉林出席。",
        "测试",
        "2019-09-01",
      ),
    );
    expect([soe.meeting.chair, soe.meeting.attendees, soe.meeting.date]).toEqual([
      "蔡奇",
      ["陈吉宁", "李伟", "吉林"],
      "2019-08-30",
    ]);
  });

  it.each([
    [
      "市委召开市直部门党组（党委）书记月度工作点评会",
      "市直部门党组（党委）书记月度工作点评会",
      "municipal-departments",
    ],
    ["北京市委召开区委书记月度工作点评会", "区委书记月度工作点评会", "districts"],
    ["市委召开市管国有企业党委书记月度工作点评会", "市管国有企业党委书记月度工作点评会", "soes"],
    ["市委召开街道（乡镇）党（工）委书记月度工作点评会", "街道（乡镇）党（工）委书记月度工作点评会", "streets"],
    ["区委召开月度工作点评会", "月度工作点评会", "other"],
    ["北京市委召开第三次区委书记月度工作点评会", "区委书记月度工作点评会", "districts"],
  ])("reads the title and kind of %s", (opening, title, kind) => {
    const x = extractReadout(readout(`3月31日，${opening}。甲、乙依次发言。`));
    expect([x.meeting.title, x.meeting.kind]).toEqual([title, kind]);
  });

  it("falls back to the front-matter title for the chair", () => {
    const x = extractReadout(
      readout(
        "10月26日下午，北京市委召开区委书记月度工作点评会。石景山、顺义依次发言。",
        "北京市委召开点评会 蔡奇主持并点评",
      ),
    );
    expect(x.meeting.chair).toBe("蔡奇");
  });

  it("dates the meeting from the body and the published date", () => {
    const body = "12月30日上午，市委召开区委书记月度工作点评会。朝阳区、海淀区依次发言。";
    expect(extractReadout(readout(body, "t", "2023-01-02")).meeting.date).toBe("2022-12-30");
    const x = extractReadout(readout("昨天，市委召开区委书记月度工作点评会。朝阳区、海淀区依次发言。", "t", "2022"));
    expect(x.meeting.date).toBeNull();
    expect(x.warnings.some((w) => w.includes("昨天"))).toBe(true);
  });
});
