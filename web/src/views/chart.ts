import { h } from "../dom";
import { t } from "../i18n";

export interface TimelinePoint {
  date: string;
  achievements: number;
  shortcomings: number;
  directives: number;
}

const SVG = "http://www.w3.org/2000/svg";
const svg = (tag: string, attrs: Record<string, string | number>, text?: string): SVGElement => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
};

const MAX_BARS = 120;

/** Sums points per period (a date prefix: 7 characters for months, 4 for years). */
function bucket(points: TimelinePoint[], prefix: number): TimelinePoint[] {
  const out = new Map<string, TimelinePoint>();
  for (const p of points) {
    const key = p.date.slice(0, prefix);
    const b = out.get(key) ?? { date: key, achievements: 0, shortcomings: 0, directives: 0 };
    b.achievements += p.achievements;
    b.shortcomings += p.shortcomings;
    b.directives += p.directives;
    out.set(key, b);
  }
  return [...out.values()];
}

/**
 * Shortcomings per meeting as bars (directives as dots), with the numbers also in a table. Years of
 * meetings are summed per month, or per year, so that the bars stay readable.
 */
export function timelineChart(meetings: TimelinePoint[]): HTMLElement {
  let points = meetings;
  if (points.length > MAX_BARS) points = bucket(meetings, 7);
  if (points.length > MAX_BARS) points = bucket(meetings, 4);
  const width = Math.max(320, points.length * 28);
  const height = 160;
  const max = Math.max(1, ...points.map((p) => Math.max(p.shortcomings, p.directives)));
  const step = width / points.length;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height + 20}`,
    role: "img",
    "aria-label": t("timeline"),
    class: "timeline",
  });
  points.forEach((p, i) => {
    const bar = (p.shortcomings / max) * height;
    const rect = svg("rect", { x: i * step + 4, y: height - bar, width: step - 8, height: bar, class: "bar" });
    rect.append(svg("title", {}, `${p.date}: ${p.shortcomings} ${t("shortcomingsShort")}`));
    chart.append(rect);
    if (p.directives > 0)
      chart.append(svg("circle", { cx: i * step + step / 2, cy: height - (p.directives / max) * height, r: 3 }));
  });
  const first = points[0]?.date ?? "";
  const last = points[points.length - 1]?.date ?? "";
  chart.append(svg("text", { x: 0, y: height + 16 }, first));
  chart.append(svg("text", { x: width, y: height + 16, "text-anchor": "end" }, last));
  return h(
    "figure",
    { class: "chart" },
    h("div", { class: "scroll" }, chart),
    h(
      "details",
      {},
      h("summary", {}, t("timeline")),
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, points === meetings ? t("meeting") : t("period")),
            h("th", { scope: "col" }, t("achievementsShort")),
            h("th", { scope: "col" }, t("shortcomingsShort")),
            h("th", { scope: "col" }, t("directivesShort")),
          ),
        ),
        h(
          "tbody",
          {},
          points.map((p) =>
            h(
              "tr",
              {},
              h("td", {}, p.date),
              h("td", {}, p.achievements),
              h("td", {}, p.shortcomings),
              h("td", {}, p.directives),
            ),
          ),
        ),
      ),
    ),
  );
}
