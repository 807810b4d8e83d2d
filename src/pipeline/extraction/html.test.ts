import { extractFile } from "./extract";
import { Extraction, ExtractedItem } from "./extraction.types";
import { looksLikeHtml, parseHtmlReadout, readHtmlPage, readPageDate, stripSiteName } from "./html";
import { ReadoutFile } from "./readout";

// A district readout of the genre, as a CMS page lays it out.
const OPENING = "5月6日上午，区委召开月度工作点评会。甲镇、乙街道主要负责同志依次发言，区委书记赵六现场点评。";

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

function items(x: Extraction): ExtractedItem[] {
  return [...x.reports.flatMap((r) => [...r.achievements, ...r.shortcomings]), ...x.directives];
}

/** Every span of the extraction holds its text in the readout text, and in the stored body at the shifted offset. */
function expectSpansInto(file: ReadoutFile, x: Extraction) {
  expect(items(x).length).toBeGreaterThan(0);
  for (const item of items(x)) {
    expect(file.text.slice(item.span[0], item.span[1])).toBe(item.text);
    expect(file.body.slice(item.span[0] - file.bodyStart, item.span[1] - file.bodyStart)).toBe(item.text);
  }
}

const BOILERPLATE_PAGE = page(
  `<title>区委召开月度工作点评会_要闻动态_北京市通州区人民政府</title>
   <meta name="SiteName" content="北京市通州区人民政府">
   <meta name="ArticleTitle" content="区委召开月度工作点评会">
   <meta name="PubDate" content="2024-05-06 16:20">
   <link rel="canonical" href="https://www.bjtzh.gov.cn/bjtz/xxfb/202405/1.shtml">
   <script>document.write("<p>不是正文的脚本文字</p>")</script>`,
  `<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li></ul></div>
   <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a>要闻动态</a></div>
   <div class="main">
     <div class="article">
       <h1>区委召开月度工作点评会</h1>
       <div class="info">发布时间：2024-05-06 来源：通州区融媒体中心 【字号：大 中 小】</div>
       <div class="TRS_Editor">
         <p>${OPENING}</p>
         <p>甲镇完成拆违任务。但在安全生产、垃圾分类等方面仍存不足。</p>
         <p>乙街道完成老旧小区改造。但在基层党建等方面仍存不足。</p>
         <p>赵六强调，要抓好安全生产。</p>
         <p>（责任编辑：钱七）</p>
       </div>
       <div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>
       <div class="article-tools">【打印】【关闭】</div>
     </div>
     <div class="sidebar"><h3>相关新闻</h3><p>区政府召开常务会议研究部署下一阶段重点工作任务安排。</p></div>
   </div>
   <div class="footer"><p>主办：北京市通州区人民政府办公室 版权所有 京ICP备05060933号</p></div>`,
);

describe("reading a saved page", () => {
  it("keeps the article body and drops navigation, share bar, tool and editor lines, scripts and footer", () => {
    const p = readHtmlPage(BOILERPLATE_PAGE);
    expect(p.body).toBe(
      [
        OPENING,
        "甲镇完成拆违任务。但在安全生产、垃圾分类等方面仍存不足。",
        "乙街道完成老旧小区改造。但在基层党建等方面仍存不足。",
        "赵六强调，要抓好安全生产。",
      ].join("\n\n"),
    );
    expect(p).toMatchObject({
      title: "区委召开月度工作点评会",
      url: "https://www.bjtzh.gov.cn/bjtz/xxfb/202405/1.shtml",
      published: "2024-05-06",
      site: "北京市通州区人民政府",
    });
  });

  it("writes a readout whose spans point exactly into its text and its stored body", () => {
    const file = parseHtmlReadout(BOILERPLATE_PAGE);
    expect(file.text.slice(0, file.bodyStart)).toBe(
      "---\ntitle: 区委召开月度工作点评会\nurl: https://www.bjtzh.gov.cn/bjtz/xxfb/202405/1.shtml\npublished: 2024-05-06\nsite: 北京市通州区人民政府\n---\n\n",
    );
    expect(file.body).toBe(file.text.slice(file.bodyStart));
    const x = extractFile(file);
    expect(x.meeting).toMatchObject({ date: "2024-05-06", host: "通州区", chair: "赵六" });
    expect(x.reports.map((r) => [r.subject, r.shortcomings.map((s) => s.text)])).toEqual([
      ["甲镇", ["安全生产", "垃圾分类"]],
      ["乙街道", ["基层党建"]],
    ]);
    expectSpansInto(file, x);
  });

  it("flattens nested inline markup, decodes entities and breaks lines at <br> and blocks", () => {
    const html = page(
      `<title>点评会</title><meta name="PubDate" content="2024-05-07">`,
      `<div id="zoom">
         <p>&nbsp;&nbsp;${OPENING}</p>
         <p><span style="font-size:16px"><strong>甲镇</strong>完成&ldquo;清零&rdquo;<b>任务</b>，推进&#x4e00;号工程&amp;配套。</span>但在<em>安全生产</em>等方面仍存不足。<br>乙街道完成<span>老旧小区</span>改造。<br/>但在基层党建等方面仍存不足。</p>
         <div>赵六强调，要抓好<font color="red">安全生产</font>。</div>
       </div>`,
    );
    const file = parseHtmlReadout(html);
    expect(file.body.split("\n\n")).toEqual([
      OPENING,
      "甲镇完成“清零”任务，推进一号工程&配套。但在安全生产等方面仍存不足。",
      "乙街道完成老旧小区改造。",
      "但在基层党建等方面仍存不足。",
      "赵六强调，要抓好安全生产。",
    ]);
    const x = extractFile(file);
    expect(x.reports[0].achievements.map((a) => a.text)).toContain("完成“清零”任务");
    expect(x.reports[0].shortcomings.map((s) => s.text)).toEqual(["安全生产"]);
    expectSpansInto(file, x);
  });

  it("joins hard-wrapped source lines between Chinese characters without a space, keeps spaces elsewhere", () => {
    const html = page(
      "",
      `<div class="content"><p>区委召开月度\n      工作点评会。会议由 Zhao Liu\n主持，议题有三项内容要讨论研究。</p></div>`,
    );
    expect(readHtmlPage(html).body).toBe("区委召开月度工作点评会。会议由 Zhao Liu 主持，议题有三项内容要讨论研究。");
  });

  it("takes the date from a date line when no meta tag gives it", () => {
    const labelled = page(
      "<title>点评会</title>",
      `<div class="detail"><div class="time">发布日期：2024年5月8日 09:00</div><div class="content"><p>${OPENING}</p></div></div>`,
    );
    expect(readHtmlPage(labelled).published).toBe("2024-05-08");
    const infoLine = page(
      "<title>点评会</title>",
      `<div class="detail"><div>2024-05-09 来源：区融媒体中心</div><div class="content"><p>${OPENING}</p></div></div>`,
    );
    const p = readHtmlPage(infoLine);
    expect(p.published).toBe("2024-05-09");
    // The date line is the page's, not the article's: it is not in the body.
    expect(p.body).toBe(OPENING);
    expect(extractFile(parseHtmlReadout(infoLine)).meeting.date).toBe("2024-05-06");
    const bare = page(
      "",
      `<div class="detail"><span class="time">2024-05-11 08:00</span><div class="content"><p>${OPENING}</p></div></div>`,
    );
    expect(readHtmlPage(bare).published).toBe("2024-05-11");
  });

  it("takes a date from meta tags alone, the publisher's day for a zoned timestamp", () => {
    const html = page(
      `<meta property="article:published_time" content="2024-05-05T18:30:00Z">`,
      `<article><p>${OPENING}</p></article>`,
    );
    expect(readHtmlPage(html).published).toBe("2024-05-06");
    expect(readPageDate("2024/5/6 10:00:00")).toBe("2024-05-06");
    expect(readPageDate("20240506")).toBe("2024-05-06");
    expect(readPageDate("2024-02-30")).toBe("");
  });

  it("does not take another article's date from a news list", () => {
    const html = page(
      "",
      `<div class="content"><p>${OPENING}</p></div><ul class="list"><li><a>另一篇报道</a></li><li><div>2023-01-02</div></li></ul>`,
    );
    expect(readHtmlPage(html).published).toBe("");
  });

  it("takes the title from <title> without the site's names, else from the article's <h1>", () => {
    expect(stripSiteName("区委召开月度工作点评会_要闻动态_北京市通州区人民政府")).toBe("区委召开月度工作点评会");
    expect(stripSiteName("首都之窗 | 市委召开点评会", "首都之窗")).toBe("市委召开点评会");
    expect(stripSiteName("市委召开点评会 - 北京日报网")).toBe("市委召开点评会");
    expect(stripSiteName("市委召开点评会——聚焦安全生产")).toBe("市委召开点评会——聚焦安全生产");
    const onlySite = page(
      `<title>北京市通州区人民政府</title><meta name="SiteName" content="北京市通州区人民政府">`,
      `<div class="article"><h1>区委召开<span>点评会</span></h1><div class="content"><p>${OPENING}</p></div></div>`,
    );
    expect(readHtmlPage(onlySite).title).toBe("区委召开点评会");
  });

  it("finds an unnamed article by the Chinese text of its paragraphs, not the longer link list", () => {
    const html = page(
      "",
      `<div><ul>${"<li><a>区领导调研重点项目建设进展情况</a></li>".repeat(12)}</ul></div>
       <div><div><p>${OPENING}</p><p>甲镇完成拆违任务。但在安全生产等方面仍存不足。</p></div></div>
       <div><p>网站地图</p></div>`,
    );
    expect(readHtmlPage(html).body).toBe(`${OPENING}\n\n甲镇完成拆违任务。但在安全生产等方面仍存不足。`);
  });

  it("reads past layout utility classes and leaves out hidden elements", () => {
    const html = page(
      "",
      `<div class="position-relative d-print-none"><div class="content"><p>${OPENING}</p>` +
        `<p style="display: none">隐藏的统计代码说明文字</p><div hidden>另一段隐藏的文字内容</div></div></div>`,
    );
    expect(readHtmlPage(html).body).toBe(OPENING);
  });

  it("fills in the caller's defaults only where the page is silent", () => {
    const silent = parseHtmlReadout(page("", `<div class="content"><p>${OPENING}</p></div>`), {
      published: "2024-05-10",
      host: "通州区",
    });
    expect(silent.frontMatter).toMatchObject({ published: "2024-05-10", host: "通州区" });
    expect(silent.text).toContain("published: 2024-05-10\nhost: 通州区\n");
    expect(parseHtmlReadout(BOILERPLATE_PAGE, { published: "2024-05-10" }).frontMatter.published).toBe("2024-05-06");
  });

  it("refuses a page without article text", () => {
    expect(() => parseHtmlReadout(page("<title>t</title>", `<nav><a>首页</a></nav><script>x()</script>`))).toThrow(
      /no article text/,
    );
  });

  it("tells an HTML document from a readout file", () => {
    expect(looksLikeHtml("<!DOCTYPE html>\n<html>")).toBe(true);
    expect(looksLikeHtml("\uFEFF  <!-- saved from url -->\n<html lang=zh>")).toBe(true);
    expect(looksLikeHtml("---\ntitle: <b>t</b>\n---\n\n正文")).toBe(false);
    expect(looksLikeHtml("5月6日，区委召开<点评会>。")).toBe(false);
  });
});
