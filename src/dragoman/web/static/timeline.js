/* The timeline: stacked bars per period; brushing across them sets since/until. */

import { setFilter } from "./app.js";
import { $, api, clear, el } from "./dom.js";
import { QUAD_COLOURS, TYPE_COLOURS, TYPES, state } from "./state.js";

const TL = { width: 600, height: 180, left: 30, bottom: 20, top: 8 };

export async function loadTimeline() {
  const interval = $("#interval").value;
  const by = $("#by").value;
  const result = await api("/api/stats/timeline", { ...state.filters, interval, by, count: state.count });
  drawTimeline(result.counts, interval, by);
}

function colourOf(key, by) {
  return by === "quad" ? QUAD_COLOURS[key] : TYPE_COLOURS[TYPES.indexOf(key) % TYPE_COLOURS.length];
}

function stackByPeriod(counts) {
  const periods = new Map();
  for (const row of counts) {
    if (!periods.has(row.period)) periods.set(row.period, []);
    periods.get(row.period).push(row);
  }
  return [...periods.entries()];
}

function drawTimeline(counts, interval, by) {
  const svg = clear($("#timeline"));
  const periods = stackByPeriod(counts);
  const max = Math.max(1, ...periods.map(([, rows]) => rows.reduce((s, r) => s + r.count, 0)));
  const plotW = TL.width - TL.left - 4;
  const plotH = TL.height - TL.top - TL.bottom;
  const step = plotW / Math.max(1, periods.length);
  periods.forEach(([period, rows], i) => {
    let y = TL.top + plotH;
    for (const row of rows) {
      const h = (row.count / max) * plotH;
      y -= h;
      svg.append(el("svg:rect", { x: TL.left + i * step + step * 0.1, y, width: Math.max(1, step * 0.8),
        height: h, fill: colourOf(row.key, by), "data-period": period },
      el("svg:title", {}, `${period} ${row.key}: ${row.count}`)));
    }
  });
  drawTimelineAxis(svg, periods, max, plotH);
  drawTimelineLegend(counts, by);
  enableBrush(svg, periods.map(([p]) => p), step, interval);
}

function drawTimelineAxis(svg, periods, max, plotH) {
  svg.append(el("svg:text", { x: 2, y: TL.top + 8, class: "axis" }, max));
  svg.append(el("svg:text", { x: 2, y: TL.top + plotH, class: "axis" }, 0));
  if (!periods.length) {
    svg.append(el("svg:text", { x: TL.left + 10, y: 80, class: "axis" }, "no dated events"));
    return;
  }
  const y = TL.height - 5;
  svg.append(el("svg:text", { x: TL.left, y, class: "axis" }, periods[0][0]));
  if (periods.length > 1) {
    svg.append(el("svg:text", { x: TL.width - 4, y, class: "axis", "text-anchor": "end" },
      periods[periods.length - 1][0]));
  }
}

function drawTimelineLegend(counts, by) {
  const legend = clear($("#timeline-legend"));
  const keys = [...new Set(counts.map((r) => r.key))].sort();
  for (const key of keys) {
    legend.append(el("span", {}, el("span", { class: "swatch", style: null }), key));
    legend.lastChild.firstChild.style.background = colourOf(key, by);
  }
}

function svgX(svg, event) {
  const box = svg.getBoundingClientRect();
  return ((event.clientX - box.left) / box.width) * TL.width;
}

function enableBrush(svg, periods, step, interval) {
  let start = null;
  const brush = el("svg:rect", { class: "brush", y: 0, height: TL.height, width: 0, x: 0 });
  svg.append(brush);
  svg.onmousedown = (event) => { start = svgX(svg, event); brush.setAttribute("x", start); };
  svg.onmousemove = (event) => {
    if (start === null) return;
    const x = svgX(svg, event);
    brush.setAttribute("x", Math.min(start, x));
    brush.setAttribute("width", Math.abs(x - start));
  };
  svg.onmouseup = (event) => {
    if (start === null) return;
    const range = [start, svgX(svg, event)].sort((a, b) => a - b);
    start = null;
    const first = Math.floor((range[0] - TL.left) / step);
    const last = Math.floor((range[1] - TL.left) / step);
    brushed(periods, Math.max(0, first), Math.min(periods.length - 1, last), interval);
  };
}

function brushed(periods, first, last, interval) {
  if (!periods.length || first > last) return;
  setFilter({ since: periods[first], until: periodEnd(periods[last], interval) });
}

function periodEnd(period, interval) {
  if (interval !== "week") return period;  // a day or a month ("YYYY-MM") is its own end
  const end = new Date(period + "T00:00:00Z");
  end.setUTCDate(end.getUTCDate() + 6);
  return end.toISOString().slice(0, 10);
}
