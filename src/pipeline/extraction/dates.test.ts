import { chineseNumber, resolveMeetingDate } from "./dates";

describe("resolveMeetingDate", () => {
  it("takes month and day from the body and the year from the published date", () => {
    expect(resolveMeetingDate("3月31日下午，市委召开…", "2022")).toEqual({ date: "2022-03-31" });
    expect(resolveMeetingDate("10月26日下午，北京市委召开…", "2018-10-27")).toEqual({ date: "2018-10-26" });
  });

  it("puts a month and day later than publication in the year before", () => {
    expect(resolveMeetingDate("12月30日，市委召开…", "2023-01-02")).toEqual({ date: "2022-12-30" });
    expect(resolveMeetingDate("1月2日，市委召开…", "2023-01-02")).toEqual({ date: "2023-01-02" });
  });

  it("prefers a year written in the body", () => {
    expect(resolveMeetingDate("2021年6月30日下午，市委召开…", "2022")).toEqual({ date: "2021-06-30" });
    expect(resolveMeetingDate("2021年6月30日下午", "")).toEqual({ date: "2021-06-30" });
  });

  it("counts 今天, 昨天 and 前天 back from the published day, across month and year ends", () => {
    expect(resolveMeetingDate("今天上午，区委召开…", "2020-07-15")).toEqual({ date: "2020-07-15" });
    expect(resolveMeetingDate("昨天下午，市委召开…", "2019-06-28")).toEqual({ date: "2019-06-27" });
    expect(resolveMeetingDate("前天下午，市委召开…", "2019-09-01")).toEqual({ date: "2019-08-30" });
    expect(resolveMeetingDate("昨日，市委召开…", "2023-01-01")).toEqual({ date: "2022-12-31" });
  });

  it("cannot resolve a relative day when only the year is published", () => {
    const r = resolveMeetingDate("昨天下午，市委召开…", "2022");
    expect(r.date).toBeNull();
    expect(r.warning).toMatch(/昨天.*published/);
  });

  it("reads a day alone in the month of publication, or the month before", () => {
    expect(resolveMeetingDate("28日下午，市委召开…", "2022-11-29")).toEqual({ date: "2022-11-28" });
    expect(resolveMeetingDate("30日下午，市委召开…", "2023-01-02")).toEqual({ date: "2022-12-30" });
  });

  it("reads dates in Chinese numerals", () => {
    expect(resolveMeetingDate("三月三十一日下午", "2022")).toEqual({ date: "2022-03-31" });
    expect(resolveMeetingDate("二〇二一年十二月十日", "")).toEqual({ date: "2021-12-10" });
    expect(chineseNumber("十")).toBe(10);
    expect(chineseNumber("二十一")).toBe(21);
  });

  it("gives null with a reason when the text has no usable date", () => {
    expect(resolveMeetingDate("2月30日，市委召开…", "2022").warning).toMatch(/not a calendar date/);
    expect(resolveMeetingDate("日前，市委召开…", "2022-05-01")).toEqual({
      date: null,
      warning: 'meeting date not given ("日前")',
    });
    expect(resolveMeetingDate("市委召开…", "2022").date).toBeNull();
    expect(resolveMeetingDate("3月31日", "").warning).toMatch(/year unknown/);
  });
});
