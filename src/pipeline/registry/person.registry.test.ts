import { createHash } from "node:crypto";
import { curatedPeople, normalisePersonName, parsePeopleSeed, resolvePerson } from "./person.registry";

describe("resolvePerson", () => {
  it.each([
    ["cai-qi", "Cai Qi", ["蔡奇", " 蔡奇 ", "蔡奇同志", "Cai Qi"]],
    ["chen-jining", "Chen Jining", ["陈吉宁", "陳吉寧"]],
    ["zhang-yankun", "Zhang Yankun", ["张延昆", "張延昆"]],
    ["ji-lin", "Ji Lin", ["吉林"]],
    ["zhang-qiang", "Zhang Qiang", ["张强", "張強"]],
    ["peng-lixia", "Peng Lixia", ["彭丽霞", "彭麗霞"]],
    ["liu-jiugang", "Liu Jiugang", ["刘久刚", "劉久剛"]],
    ["mo-jianbin", "Mo Jianbin", ["莫剑彬", "莫劍彬"]],
  ])("%s", (id, nameEn, surfaces) => {
    for (const surface of surfaces) {
      expect({ surface, ...resolvePerson(surface) }).toMatchObject({ surface, id, nameEn, curated: true });
    }
  });

  it("keeps people who share a family name apart", () => {
    expect(resolvePerson("李伟").id).toBe("li-wei");
    expect(resolvePerson("刘伟").id).toBe("liu-wei");
    expect(resolvePerson("尹力").id).toBe("yin-li");
    expect(resolvePerson("殷勇").id).toBe("yin-yong");
  });

  it("makes a stable uncurated entry for an unknown name, the same in both scripts", () => {
    const hash = createHash("sha256").update("张三丰", "utf8").digest("hex").slice(0, 10);
    expect(resolvePerson("张三丰")).toEqual({ id: `person-${hash}`, name: "张三丰", nameEn: null, curated: false });
    const traditional = resolvePerson("張三豐同志");
    expect(traditional).toEqual({ id: `person-${hash}`, name: "張三豐", nameEn: null, curated: false });
  });

  it("refuses an empty name", () => {
    expect(() => resolvePerson("  ")).toThrow(RangeError);
  });
});

describe("normalisePersonName", () => {
  it("ignores script, spacing and a trailing 同志", () => {
    expect(normalisePersonName(" 陳 吉寧同志 ")).toBe("陈吉宁");
    expect(normalisePersonName("Cai Qi")).toBe("caiqi");
  });
});

describe("the shipped seed/people.json", () => {
  it("loads, with unique pinyin ids", () => {
    const people = curatedPeople();
    expect(people.length).toBeGreaterThanOrEqual(18);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    for (const p of people) {
      expect(p.id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
      expect(p.nameEn).toBeTruthy();
      expect(resolvePerson(p.name)).toBe(p);
    }
  });
});

describe("parsePeopleSeed", () => {
  const person = (id: string, name: string) => ({ id, name, nameEn: null, aliases: [] });

  it("rejects duplicate ids and names two people claim", () => {
    expect(() => parsePeopleSeed({ people: [person("li-wei", "李伟"), person("li-wei", "黎伟")] }, "t")).toThrow(
      't: duplicate person id "li-wei"',
    );
    expect(() => parsePeopleSeed({ people: [person("li-wei", "李伟"), person("li-wei-2", "李偉")] }, "t")).toThrow(
      /"李偉" of "li-wei-2" is already the name of "li-wei"/,
    );
  });

  it("accepts people who share a pinyin under suffixed ids", () => {
    const seed = parsePeopleSeed({ people: [person("li-wei", "李伟"), person("li-wei-2", "黎伟")] });
    expect(seed.byKey.get("黎伟")?.id).toBe("li-wei-2");
  });

  it("rejects reserved ids and malformed files", () => {
    expect(() => parsePeopleSeed({ people: [person("person-0123456789", "某某")] })).toThrow(/must not start/);
    expect(() => parsePeopleSeed({})).toThrow(/"people" array/);
  });
});
