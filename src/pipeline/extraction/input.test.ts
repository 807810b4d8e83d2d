import { extractFile } from "./extract";
import { formatOfPath, readReadoutBytes, readReadoutText, undatedReason } from "./input";
import { parseReadoutFile, readoutFileText } from "./readout";

const BODY =
  "3月31日下午，市委召开市直部门党组（党委）书记月度工作点评会。市甲局依次发言，市委书记蔡奇现场点评。市甲局完成甲任务。但在全面从严治党等方面仍存不足。";

describe("reading an input as a readout", () => {
  it("tells the format from the file name, else from the content", () => {
    expect([formatOfPath("a.HTML"), formatOfPath("b.htm"), formatOfPath("c.txt"), formatOfPath("-")]).toEqual([
      "html",
      "html",
      "text",
      undefined,
    ]);
    expect(readReadoutText(`<!doctype html><p>${BODY}</p>`).format).toBe("html");
    expect(readReadoutText(BODY).format).toBe("text");
  });

  it("decodes a page in the GBK its meta tag declares, and refuses one that declares nothing", () => {
    // "<meta charset=gbk><p>市委会</p>" with 市委会 in GBK.
    const gbk = Buffer.concat([
      Buffer.from('<html><head><meta charset="gbk"></head><body><div class="content"><p>', "latin1"),
      Buffer.from([0xca, 0xd0, 0xce, 0xaf, 0xbb, 0xe1]),
      Buffer.from("</p></div></body></html>", "latin1"),
    ]);
    expect(readReadoutBytes(gbk, { format: "html" }).file.body).toBe("市委会");
    const undeclared = Buffer.concat([Buffer.from("<html><p>", "latin1"), Buffer.from([0xca, 0xd0, 0xce])]);
    expect(() => readReadoutBytes(undeclared, { format: "html" })).toThrow(/declares no charset/);
  });

  it("fills a bare text's published date and host from the caller, never over its own front matter", () => {
    const bare = readReadoutText(BODY, { defaults: { published: "2022-04-01", host: "北京市" } });
    expect(bare.file.frontMatter).toMatchObject({ published: "2022-04-01", host: "北京市" });
    expect(extractFile(bare.file).meeting.date).toBe("2022-03-31");
    const own = readReadoutText(`---\ntitle: t\nurl:\npublished: 2021\n---\n\n${BODY}`, {
      defaults: { published: "2022-04-01" },
    });
    expect(own.file.frontMatter.published).toBe("2021");
  });

  it("names the flag when nothing dates a readout, and is silent when the text dates itself or is no readout", () => {
    const bare = readReadoutText(BODY);
    expect(undatedReason(bare, extractFile(bare.file), "--published")).toMatch(
      /^no publication date: it has no front matter, .*give --published YYYY-MM-DD$/,
    );
    const page = readReadoutText(`<html><div class="content"><p>${BODY}</p></div></html>`);
    expect(undatedReason(page, extractFile(page.file), "input.published")).toMatch(
      /page has no date meta tag.*input\.published/,
    );
    const dated = readReadoutText(BODY.replace("3月31日", "2022年3月31日"));
    expect(undatedReason(dated, extractFile(dated.file), "--published")).toBeNull();
    const weather = readReadoutText("今天白天晴转多云，北风二三级。");
    expect(undatedReason(weather, extractFile(weather.file), "--published")).toBeNull();
  });

  it("writes front matter that reads back the same, the site included", () => {
    const front = { title: "t", url: "https://a.gov.cn/1", published: "2024-05-06", host: "通州区", site: "某网站" };
    const file = parseReadoutFile(readoutFileText(front, "正文。"));
    expect(file.frontMatter).toEqual(front);
    expect(file.body).toBe("正文。");
    expect(parseReadoutFile("---\ntitle: t\nurl:\npublished: 2022\n---\n\nx").frontMatter).not.toHaveProperty("site");
  });
});
