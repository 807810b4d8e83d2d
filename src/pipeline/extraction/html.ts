import { DefaultTreeAdapterTypes, parse } from "parse5";
import { ReadoutInputError } from "./decode";
import {
  FrontMatter,
  frontMatterWithDefaults,
  parseReadoutFile,
  ReadoutDefaults,
  ReadoutFile,
  readoutFileText,
} from "./readout";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** What a saved page says of itself, beside its article body. */
export interface PageFacts {
  title: string;
  url: string;
  /** YYYY-MM-DD, "" when neither a meta tag nor a date line gives it. */
  published: string;
  /** The publishing site's own name (SiteName, og:site_name), "" when not given. */
  site: string;
}

/** A saved page taken apart: what it says of itself, and its article body, one paragraph a line. */
export interface HtmlPage extends PageFacts {
  body: string;
}

// Never page text: code, forms, media, and the page's own navigation landmarks.
const DROP_TAGS = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "svg",
  "math",
  "canvas",
  "audio",
  "video",
  "img",
  "picture",
  "map",
  "form",
  "button",
  "select",
  "input",
  "textarea",
  "label",
  "nav",
  "header",
  "footer",
  "aside",
  "figcaption",
  "menu",
]);

// Elements a browser lays out as their own lines.
const BLOCK_TAGS = new Set([
  "address",
  "article",
  "blockquote",
  "center",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

// What CMS templates call the parts around an article (in English or pinyin): breadcrumbs,
// menus, share and print bars, related-news lists, footers.
const BOILERPLATE =
  /nav|menu|breadcrumb|crumb|position|location|share|jiathis|fenxiang|toolbar|tools?\b|print|dayin|footer|header|sidebar|related|relate|xgxw|recommend|comment|copyright|banquan|login|search|qrcode|erweima|ewm|pager|pagination|advert|\bad\b|banner/i;

// What they call the article's own container: TRS_Editor / TRS_UEDITOR (TRS WCM), zoom (the font-size tool's
// target), article/content/detail/main-text and their misspellings and pinyin (zhengwen, zw).
const CONTENT =
  /trs_?u?editor|zoom|article|artical|content|detail|main-?text|zhengwen|\bzw\b|text|txt|\bcon\b|news_?con|pages?_?con|view|body|\bwz\b/i;

// Container tags: a class like "text" on a <p> or <span> is a paragraph, not the article.
const CONTAINER_TAGS = new Set(["div", "section", "article", "main", "td", "font", "center"]);

/** Fewest Chinese characters of text for an element to be taken as the article. */
const MIN_ARTICLE = 50;

/**
 * A boilerplate-named element with this much text outside links is the article after all (a
 * template that calls its body "article-tools-wrap" holds hundreds of characters; a share bar, a
 * menu or a related-news list, all links, never does).
 */
const MAX_BOILERPLATE = 200;

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function children(node: Node): Node[] {
  if (node.nodeName === "template") return (node as DefaultTreeAdapterTypes.Template).content.childNodes;
  return "childNodes" in node ? node.childNodes : [];
}

function attr(el: Element, name: string): string {
  return el.attrs.find((a) => a.name === name)?.value ?? "";
}

// Utility classes of CSS frameworks (position-relative, d-print-none, text-center) say how an
// element looks, not what it is.
const UTILITY_CLASS = /^(?:d|position|overflow|text|float|flex|justify|align|col|row|w|h|[mp][trblxy]?)-/i;

/** An element's id and class names, as one string to test for what the template calls it. */
function namesOf(el: Element): string {
  return `${attr(el, "id")} ${attr(el, "class")}`
    .split(/\s+/)
    .filter((name) => name && !UTILITY_CLASS.test(name))
    .join(" ");
}

function hanCount(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

function* elements(root: Node): Generator<Element> {
  for (const child of children(root)) {
    if (isElement(child)) {
      yield child;
      yield* elements(child);
    }
  }
}

/** The page's parsed tree with the facts gathered once: which elements are never text, and each element's text weight. */
class Page {
  private readonly dropped = new Set<Element>();
  /** Chinese characters in an element's text, outside links and dropped parts. */
  private readonly weight = new Map<Element, number>();

  constructor(readonly root: Node) {
    this.weigh(root);
    for (const el of elements(root)) if (this.isBoilerplate(el)) this.dropped.add(el);
    // Weights again, now without what was dropped.
    this.weight.clear();
    this.weigh(root);
  }

  isDropped(el: Element): boolean {
    return this.dropped.has(el);
  }

  weightOf(el: Element): number {
    return this.weight.get(el) ?? 0;
  }

  private isBoilerplate(el: Element): boolean {
    if (DROP_TAGS.has(el.tagName)) return true;
    if (el.attrs.some((a) => a.name === "hidden")) return true;
    const style = attr(el, "style").replace(/\s+/g, "").toLowerCase();
    if (style.includes("display:none") || style.includes("visibility:hidden")) return true;
    return BOILERPLATE.test(namesOf(el)) && this.weightOf(el) < MAX_BOILERPLATE;
  }

  // Post-order: an element's weight is its text nodes' and its children's, links and dropped
  // branches excluded (link text is navigation, not prose).
  private weigh(node: Node): number {
    let n = 0;
    for (const child of children(node)) {
      if (child.nodeName === "#text") n += hanCount((child as DefaultTreeAdapterTypes.TextNode).value);
      else if (isElement(child) && !this.dropped.has(child) && !NEVER_TEXT.has(child.tagName)) {
        const w = this.weigh(child);
        if (child.tagName !== "a") n += w;
      }
    }
    if (isElement(node)) this.weight.set(node, n);
    return n;
  }
}

/** The element holding the article: a CMS container by name, else the element with most Chinese text in its <p> children. */
function articleContainer(page: Page, body: Element): Element {
  const live = [...elements(body)].filter((el) => !insideDropped(page, el));
  const candidates = live.filter(
    (el) =>
      (el.tagName === "article" || (CONTAINER_TAGS.has(el.tagName) && CONTENT.test(namesOf(el)))) &&
      page.weightOf(el) >= MIN_ARTICLE,
  );
  const byParagraphs = bestByDirectParagraphs(page, live);
  let best: Element | undefined;
  for (const el of candidates) if (!best || page.weightOf(el) > page.weightOf(best)) best = el;
  // A container named like the article but holding far less prose than some unnamed element is
  // a template's wrapper of something else (a "content" list box).
  if (!best || (byParagraphs && page.weightOf(best) < directParagraphWeight(page, byParagraphs) / 2)) {
    return byParagraphs ?? body;
  }
  // Outer wrappers (div.article > div.content > div.TRS_Editor) hold the title, the info line and
  // the share bar too: the innermost candidate that still holds nearly all the prose is the body.
  for (let outer = best; ;) {
    const inner = candidates.find(
      (el) => el !== outer && contains(outer, el) && page.weightOf(el) >= 0.7 * page.weightOf(outer),
    );
    if (!inner) return outer;
    outer = inner;
  }
}

function insideDropped(page: Page, el: Element): boolean {
  for (let n: Element | null = el; n && isElement(n); n = n.parentNode as Element | null)
    if (page.isDropped(n)) return true;
  return false;
}

function contains(outer: Element, inner: Element): boolean {
  for (let n = inner.parentNode; n; n = (n as Element).parentNode) if (n === outer) return true;
  return false;
}

function directParagraphWeight(page: Page, el: Element): number {
  let n = 0;
  for (const child of children(el))
    if (isElement(child) && child.tagName === "p" && !page.isDropped(child)) n += page.weightOf(child);
  return n;
}

function bestByDirectParagraphs(page: Page, live: Element[]): Element | null {
  let best: Element | null = null;
  let bestWeight = 0;
  for (const el of live) {
    const w = directParagraphWeight(page, el);
    if (w > bestWeight) [best, bestWeight] = [el, w];
  }
  return bestWeight >= MIN_ARTICLE ? best : null;
}

const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * One rendered line: whitespace runs become one space, except a line break between two Chinese
 * characters, which a browser does not show (hard-wrapped source must not put spaces into words).
 */
function normaliseLine(raw: string): string {
  return raw
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, "")
    .replace(/[ \t\f\r\n\u00a0]+/g, (ws, at: number, s: string) =>
      /[\r\n]/.test(ws) && CJK_CHAR.test(s[at - 1] ?? "") && CJK_CHAR.test(s[at + ws.length] ?? "") ? "" : " ",
    )
    .trim();
}

const NEVER_TEXT = new Set(["script", "style", "noscript", "template", "head"]);

/**
 * The text of an element as lines: blocks and <br> break lines, inline markup is transparent.
 * Without a page, everything but code is read; `skip` leaves out more elements, and the walk ends at `stop`.
 */
function renderLines(page: Page | null, root: Node, skip?: (el: Element) => boolean, stop?: Element): string[] {
  const lines: string[] = [];
  let current = "";
  let stopped = false;
  const flush = () => {
    const line = normaliseLine(current);
    if (line) lines.push(line);
    current = "";
  };
  const walk = (node: Node) => {
    for (const child of children(node)) {
      if (stopped) return;
      if (child.nodeName === "#text") current += (child as DefaultTreeAdapterTypes.TextNode).value;
      else if (isElement(child)) {
        if (child === stop) stopped = true;
        else if (child.tagName === "br") flush();
        else if (page ? page.isDropped(child) : NEVER_TEXT.has(child.tagName) || skip?.(child)) continue;
        else if (BLOCK_TAGS.has(child.tagName)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return lines;
}

const DATE = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const TIME = String.raw`(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?`;
/** "发布时间：2024-05-06 10:30": a labelled publication date. */
const LABELLED_DATE = new RegExp(String.raw`(?:发布|发表|发文|成文|更新)?(?:时间|日期)\s*[：:]\s*${DATE}`);
/** "2024年5月6日 来源：北京日报": an info line, a date then what the CMS prints beside it. */
const INFO_DATE = new RegExp(String.raw`^${DATE}${TIME}\s+.{0,40}?(?:来源|作者|编辑|浏览|点击|阅读|字号|【|\[)`);
/** A line that is a date and nothing else. */
const LONE_DATE = new RegExp(String.raw`^${DATE}${TIME}$`);

/** Lines of a page's article block that are its tools and credits, not its text. */
const TOOL_LINE = new RegExp(
  [
    // 责任编辑：X, （编辑：X 校对：Y）, 来源：X, 作者：X, 发布时间：…
    String.raw`^[【\[（(]?\s*(?:责任编辑|责编|编辑|校对|审核|审校|终审|初审|来源|稿源|供稿|作者|撰稿|摄影|发布时间|发布日期|发布者|发布机构|时间|日期|浏览次数|阅读次数|访问次数|点击数|字号|字体|分享到?|扫一扫|上一篇|下一篇|相关链接|相关新闻|相关阅读|附件)\s*[：:]`,
    // 【打印】【关闭】, [打印本页] [关闭窗口], 【字体：大 中 小】
    String.raw`^(?:[【\[]\s*[^】\]]{1,12}\s*[】\]]\s*)+$`,
    // 打印本页 关闭窗口, 分享到, 扫一扫在手机打开当前页
    String.raw`^(?:(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏|分享到?|字号|大|中|小)\s*)+$`,
    String.raw`^扫一扫`,
  ].join("|"),
);

function isToolLine(line: string): boolean {
  return line.length <= 80 && (TOOL_LINE.test(line) || INFO_DATE.test(line) || LONE_DATE.test(line));
}

function isoDate(y: string, m: string, d: string): string {
  const [year, month, day] = [Number(y), Number(m), Number(d)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return "";
  return date.toISOString().slice(0, 10);
}

/** "2024-05-06 10:30:00", "2024/5/6", "2024年05月06日", "2024-05-06T02:30:00+08:00", "20240506" → YYYY-MM-DD ("" if none). */
export function readPageDate(value: string): string {
  const v = value.trim();
  // A zoned timestamp is the publisher's local day in China (UTC+8), whatever zone it is written in.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
  }
  const m = new RegExp(`^${DATE}`).exec(v) ?? /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(v);
  return m ? isoDate(m[1], m[2], m[3]) : "";
}

// Meta tags that carry each fact, best first: the national government-website standard's
// (ArticleTitle, PubDate, SiteName, Url), Open Graph, Dublin Core, and what CMSs add.
const TITLE_META = ["articletitle", "og:title", "dc.title", "dcterms.title", "twitter:title", "title"];
const DATE_META = [
  "pubdate",
  "publishdate",
  "publish_date",
  "publish-date",
  "publishtime",
  "article:published_time",
  "og:release_date",
  "og:published_time",
  "datepublished",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "dcterms.date",
  "dc.date.created",
  "dcterms.created",
  "firstpublishedtime",
  "releasedate",
  "date",
];
const URL_META = ["og:url", "url", "dc.identifier"];
const SITE_META = ["sitename", "og:site_name", "application-name"];

function metaTags(root: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of elements(root)) {
    if (el.tagName !== "meta") continue;
    const key = (attr(el, "property") || attr(el, "name") || attr(el, "itemprop")).trim().toLowerCase();
    const content = (attr(el, "content") || attr(el, "datetime")).trim();
    if (key && content && !out.has(key)) out.set(key, content);
  }
  return out;
}

function firstMeta(meta: Map<string, string>, keys: string[], accept: (v: string) => string = (v) => v): string {
  for (const key of keys) {
    const v = meta.has(key) ? accept(meta.get(key)!) : "";
    if (v) return v;
  }
  return "";
}

function absoluteUrl(value: string): string {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "";
  } catch {
    return "";
  }
}

function textOf(el: Element): string {
  return normaliseLine(renderLines(null, el).join(" "));
}

// Names of sites and channels that page titles carry after the article's own ("…_要闻动态_北京市怀柔区人民政府").
const SITE_PART =
  /(?:政府|网站|门户|首页|频道|栏目|要闻|动态|资讯|新闻|新闻网|网|日报|晚报|在线|客户端|融媒|gov\.cn|\.com|\.cn)$/i;

/** A <title> without the site and channel names around it. */
export function stripSiteName(title: string, site = ""): string {
  const parts = title
    .split(/\s*[_|｜]\s*|\s+[-–—－]\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return title.trim();
  const own = parts.filter((p) => p !== site && !SITE_PART.test(p));
  return own[0] ?? parts[0];
}

function sameText(a: string, b: string): boolean {
  const squeeze = (s: string) => s.replace(/\s+/g, "");
  return squeeze(a) === squeeze(b);
}

function pageDate(meta: Map<string, string>, body: Element, container: Element): string {
  const fromMeta = firstMeta(meta, DATE_META, readPageDate);
  if (fromMeta) return fromMeta;
  // Date lines sit in the info bar, often in a block the body leaves out as boilerplate, so the
  // text is read whole: the article's block first (a footer's "更新时间" is not the article's),
  // then the page; a bare date line only where an info bar can be.
  const block = ancestor(container, 3);
  const scopes: [string[], RegExp[]][] = [
    [renderLines(null, block), [LABELLED_DATE, INFO_DATE]],
    [renderLines(null, body), [LABELLED_DATE, INFO_DATE]],
    // The info bar comes before the article; a list's items are other articles.
    [renderLines(null, block, (el) => LIST_TAGS.has(el.tagName), container), [LONE_DATE]],
  ];
  for (const [lines, patterns] of scopes) {
    for (const re of patterns) {
      for (const line of lines) {
        const m = re.exec(line);
        const date = m ? isoDate(m[1], m[2], m[3]) : "";
        if (date) return date;
      }
    }
  }
  return "";
}

const LIST_TAGS = new Set(["ul", "ol", "li", "dl", "table"]);

function ancestor(el: Element, levels: number): Element {
  let n = el;
  for (let i = 0; i < levels && n.parentNode && isElement(n.parentNode) && n.tagName !== "body"; i++) n = n.parentNode;
  return n;
}

function find(root: Node, tag: string): Element | undefined {
  for (const el of elements(root)) if (el.tagName === tag) return el;
  return undefined;
}

/**
 * Reads a page as saved from a government site: its title (meta tags, <title> without the site's
 * name, or the article's <h1>), publication date (meta tags or the page's date line), canonical
 * URL, site name, and its article body from the CMS container, without navigation, share bars,
 * tool and editor lines, one paragraph a line.
 */
export function readHtmlPage(html: string): HtmlPage {
  const doc = parse(html);
  const htmlEl = find(doc, "html");
  const body = (htmlEl && find(htmlEl, "body")) ?? (htmlEl as Element);
  const meta = metaTags(doc);
  const page = new Page(body);
  const container = articleContainer(page, body);

  const site = firstMeta(meta, SITE_META);
  const titleEl = find(doc, "title");
  const titleTag = titleEl ? stripSiteName(textOf(titleEl), site) : "";
  const h1 = find(ancestor(container, 3), "h1") ?? find(body, "h1");
  const title =
    firstMeta(meta, TITLE_META, (v) => stripSiteName(normaliseLine(v), site)) ||
    (titleTag && titleTag !== site ? titleTag : "") ||
    (h1 ? textOf(h1) : "");

  let canonical = "";
  for (const el of elements(doc)) {
    if (el.tagName === "link" && attr(el, "rel").toLowerCase().split(/\s+/).includes("canonical")) {
      canonical = absoluteUrl(attr(el, "href"));
      if (canonical) break;
    }
  }
  const url = canonical || firstMeta(meta, URL_META, absoluteUrl);

  const lines = renderLines(page, container).filter((line) => !isToolLine(line));
  // The headline inside the container is the title, not the body's first paragraph.
  while (lines.length && title && sameText(lines[0], title)) lines.shift();
  return { title, url, published: pageDate(meta, body, container), site, body: lines.join("\n\n") };
}

/**
 * A saved page as a readout: front matter (what the page says of itself, `defaults` where it is
 * silent) written above its body text, so spans point into `text` exactly as into a readout
 * file's, and `body` is the text a document stores. Throws ReadoutInputError when the page has no
 * article text.
 */
export function parseHtmlReadout(html: string, defaults: ReadoutDefaults = {}): ReadoutFile {
  const page = readHtmlPage(html);
  if (!page.body) throw new ReadoutInputError("empty", "the page has no article text");
  const front: FrontMatter = {
    title: page.title,
    url: page.url,
    published: page.published,
    host: "",
    ...(page.site ? { site: page.site } : {}),
  };
  return parseReadoutFile(readoutFileText(frontMatterWithDefaults(front, defaults), page.body));
}

/** Whether decoded input is an HTML document rather than a readout file (it opens with a doctype or an <html>/<head> tag). */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|meta[\s>])/i.test(text);
}
