import { findSpeakerList } from "./speakers";
import { makeSource } from "./text";

function speakersOf(body: string): string[] | undefined {
  return findSpeakerList(makeSource(body, 0))?.speakers.map((s) => body.slice(s.span.start, s.span.end));
}

describe("findSpeakerList", () => {
  it("reads a list of departments before 依次发言, in order", () => {
    expect(speakersOf("3月31日下午，市委召开会议。市发展改革委、市财政局、市国资委依次发言，并接受点评。")).toEqual([
      "市发展改革委",
      "市财政局",
      "市国资委",
    ]);
  });

  it("drops the count and role words after the list", () => {
    expect(speakersOf("石景山、顺义、大兴三位区委书记依次发言，并接受点评。")).toEqual(["石景山", "顺义", "大兴"]);
    expect(speakersOf("汤河口镇、宝山镇、区农业农村局主要负责同志依次发言，区委书记张强现场点评。")).toEqual([
      "汤河口镇",
      "宝山镇",
      "区农业农村局",
    ]);
    expect(speakersOf("会上，首钢集团、京能集团党委书记先后作交流发言。")).toEqual(["首钢集团", "京能集团"]);
    expect(speakersOf("东城、怀柔、经济技术开发区三位区委（工委）书记依次发言。")).toEqual([
      "东城",
      "怀柔",
      "经济技术开发区",
    ]);
  });

  it("splits a last 和 between two names but not inside a name", () => {
    expect(speakersOf("市科委和中关村管委会依次发言。")).toEqual(["市科委", "中关村管委会"]);
    expect(speakersOf("市商务局、市经济和信息化局依次发言。")).toEqual(["市商务局", "市经济和信息化局"]);
    expect(speakersOf("朝阳、海淀区委书记和经开区工委书记依次发言。")).toEqual(["朝阳", "海淀", "经开区"]);
  });

  it("keeps the organisation of a speaker named with its official", () => {
    expect(speakersOf("东城区委书记孙新军、平谷区委书记杨小兵和经开区工委书记王少峰依次发言。")).toEqual([
      "东城",
      "平谷",
      "经开区",
    ]);
  });

  it("reads a list after 听取了", () => {
    expect(speakersOf("会议听取了朝阳区、海淀区的工作汇报，市委书记尹力现场点评。")).toEqual(["朝阳区", "海淀区"]);
  });

  it("finds nothing in text without a speaker list", () => {
    expect(speakersOf("今天白天晴转多云，北风二三级。")).toBeUndefined();
  });
});
