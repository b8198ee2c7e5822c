/* dragoman's page: vanilla JS over the JSON API, charts drawn as SVG by hand.
 *
 * News text is untrusted input: every piece of it reaches the page through
 * textContent or setAttribute (see el()), never through innerHTML.
 */
"use strict";

const QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUAD_COLOURS = { verbal_cooperation: "#74a9cf", material_cooperation: "#0570b0",
  verbal_conflict: "#fd8d3c", material_conflict: "#cb181d" };
const TYPE_COLOURS = ["#74a9cf", "#0570b0", "#3690c0", "#a6bddb", "#1b7837", "#5aae61", "#a6dba0",
  "#fdae6b", "#fd8d3c", "#e6550d", "#a63603", "#cb181d", "#ef3b2c", "#fb6a4a", "#99000d", "#67000d"];
const FILTERS = ["actor", "country", "type", "quad", "lang", "since", "until", "q", "doc"];
// The languages whose sentences are coded (ISO 639-1): the language filter's choices.
const LANGUAGES = { en: "English", ru: "Russian" };
const SVGNS = "http://www.w3.org/2000/svg";

// grouped: the table shows one row per cluster (the reports of one happening: clusters.js).
// count: what the timeline and the network count, "events" (reports) or "clusters" (happenings).
const state = { filters: {}, order: "-date", offset: 0, limit: 50, events: [], clientSort: null,
  grouped: false, clusters: [], nextClusters: null, count: "events" };
const COUNTED = { events: "event(s)", clusters: "happening(s)" };

/* ---- DOM helpers: the only way text reaches the page ---------------------------------- */

function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const $ = (selector) => document.querySelector(selector);

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function showStatus(message, isError) {
  const status = $("#status");
  status.textContent = message || "";
  status.classList.toggle("error", Boolean(isError));
}

/* ---- the API ----------------------------------------------------------------------- */

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const response = await fetch(path + (query.toString() ? "?" + query : ""));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

/* ---- filters, kept in the URL hash so a view can be shared and reloaded ------------- */

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  state.filters = {};
  for (const key of FILTERS) if (params.get(key)) state.filters[key] = params.get(key);
  state.offset = Number(params.get("offset")) || 0;
  state.order = params.get("order") || "-date";
  state.grouped = params.get("grouped") === "1";
  state.count = params.get("count") === "clusters" ? "clusters" : "events";
  return { eventId: params.get("event"), clusterId: params.get("cluster") };
}

function writeHash(eventId, clusterId) {
  const params = new URLSearchParams(state.filters);
  if (state.offset) params.set("offset", state.offset);
  if (state.order !== "-date") params.set("order", state.order);
  if (state.grouped) params.set("grouped", "1");
  if (state.count !== "events") params.set("count", state.count);
  if (eventId) params.set("event", eventId);
  if (clusterId) params.set("cluster", clusterId);
  history.replaceState(null, "", "#" + params.toString());
}

function fillForm() {
  for (const key of FILTERS) $("#f-" + key).value = state.filters[key] || "";
}

function readForm() {
  state.filters = {};
  for (const key of FILTERS) {
    const value = $("#f-" + key).value.trim();
    if (value) state.filters[key] = value;
  }
}

function setFilter(changes) {
  Object.assign(state.filters, changes);
  for (const key of Object.keys(changes)) if (!changes[key]) delete state.filters[key];
  state.offset = 0;
  fillForm();
  refresh();
}

/* ---- loading everything for the current filters --------------------------------------- */

async function refresh() {
  writeHash();
  showStatus("loading...");
  try {
    await Promise.all([loadEvents(), loadTimeline(), loadNetwork(), loadPlaces()]);
    showStatus(describeFilters());
  } catch (error) {
    showStatus(error.message, true);
  }
}

function describeFilters() {
  const parts = Object.entries(state.filters).map(([k, v]) => `${k}: ${v}`);
  return parts.length ? "filtered by " + parts.join(", ") : "all events";
}

async function loadEvents() {
  if (state.grouped) return loadClusters();
  const page = await api("/api/events", { ...state.filters, limit: state.limit,
    offset: state.offset, order: state.order });
  state.events = page.events;
  state.total = page.total;
  state.totalIsLowerBound = Boolean(page.total_is_lower_bound);
  state.clientSort = null;
  renderTable();
}

/* ---- the event table ----------------------------------------------------------------- */

const names = (entities) => entities.map((e) => e.name).join("; ");
const placeName = (ev) => (ev.location ? ev.location.name : "");
const SORT_KEYS = { event: (e) => e.event, quad: (e) => e.quad, actor: (e) => names(e.actor),
  recipient: (e) => names(e.recipient), place: placeName };

function renderTable() {
  const body = clear($("#events tbody"));
  for (const ev of sortedEvents()) body.append(eventRow(ev));
  if (!state.events.length) body.append(el("tr", {}, el("td", { colspan: 9 }, "no events match")));
  const last = state.offset + state.events.length;
  // A big store counts matches only up to a cap: the total is then "10,000+".
  const total = state.total.toLocaleString() + (state.totalIsLowerBound ? "+" : "");
  $("#count").textContent = `${total} matching`;
  $("#page").textContent = state.total ? `${state.offset + 1}\u2013${last} of ${total}` : "";
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = last >= state.total;
  markSortedColumn();
}

function sortedEvents() {
  if (!state.clientSort) return state.events;
  const { key, dir } = state.clientSort;
  return [...state.events].sort((a, b) => dir * SORT_KEYS[key](a).localeCompare(SORT_KEYS[key](b)));
}

function eventRow(ev) {
  return el("tr", { "data-id": ev.id, onclick: () => openEvent(ev.id) },
    el("td", {}, ev.date || "undated"),
    el("td", {}, ev.event, ev.mode ? ` (${ev.mode})` : ""),
    el("td", {}, el("span", { class: "quad q-" + ev.quad }, ev.quad.replace("_", " "))),
    el("td", {}, names(ev.actor)),
    el("td", {}, names(ev.recipient)),
    el("td", {}, placeName(ev)),
    el("td", {}, ev.confidence),
    reportsCell(ev),
    el("td", { class: "sentence-cell" }, ev.text));
}

function sortBy(key) {
  if (key === "date" || key === "confidence") {
    state.order = state.order === "-" + key ? key : "-" + key;
    state.offset = 0;
    loadEvents().catch((error) => showStatus(error.message, true));
    writeHash();
    return;
  }
  // Other columns sort the rows on this page (the store orders by date or confidence).
  const dir = state.clientSort && state.clientSort.key === key ? -state.clientSort.dir : 1;
  state.clientSort = { key, dir };
  renderTable();
}

function markSortedColumn() {
  for (const th of document.querySelectorAll("th.sortable")) {
    th.classList.remove("sorted-asc", "sorted-desc");
    const key = th.dataset.sort;
    if (state.clientSort && state.clientSort.key === key) {
      th.classList.add(state.clientSort.dir > 0 ? "sorted-asc" : "sorted-desc");
    } else if (!state.clientSort && state.order.replace("-", "") === key) {
      th.classList.add(state.order.startsWith("-") ? "sorted-desc" : "sorted-asc");
    }
  }
}

function turnPage(step) {
  state.offset = Math.max(0, state.offset + step * state.limit);
  writeHash();
  loadEvents().catch((error) => showStatus(error.message, true));
}

/* ---- the timeline: stacked bars per period, brushing sets since/until ----------------- */

const TL = { width: 600, height: 180, left: 30, bottom: 20, top: 8 };

async function loadTimeline() {
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

/* ---- the actor network: a small force layout, computed once per load ------------------ */

const NET = { width: 600, height: 360 };

async function loadNetwork() {
  const graph = await api("/api/stats/network", { ...state.filters, limit: 1000, nodes: 40, count: state.count });
  drawNetwork(graph);
}

function layout(nodes, edges) {
  const n = nodes.length;
  nodes.forEach((node, i) => {
    node.x = NET.width / 2 + 140 * Math.cos((2 * Math.PI * i) / n);
    node.y = NET.height / 2 + 120 * Math.sin((2 * Math.PI * i) / n);
  });
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (let round = 0; round < 250; round++) {
    repel(nodes);
    attract(edges, byId);
    for (const node of nodes) {
      node.x = Math.min(NET.width - 40, Math.max(40, node.x + 0.02 * (NET.width / 2 - node.x)));
      node.y = Math.min(NET.height - 20, Math.max(20, node.y + 0.02 * (NET.height / 2 - node.y)));
    }
  }
  return byId;
}

function repel(nodes) {
  for (const a of nodes) {
    for (const b of nodes) {
      if (a === b) continue;
      const dx = a.x - b.x || 0.1;
      const dy = a.y - b.y || 0.1;
      const d2 = Math.max(dx * dx + dy * dy, 25);
      a.x += (dx / d2) * 120;
      a.y += (dy / d2) * 120;
    }
  }
}

function attract(edges, byId) {
  for (const edge of edges) {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    const dx = (b.x - a.x) * 0.01;
    const dy = (b.y - a.y) * 0.01;
    a.x += dx; a.y += dy; b.x -= dx; b.y -= dy;
  }
}

function mainQuad(quads) {
  return Object.entries(quads).sort((a, b) => b[1] - a[1])[0][0];
}

function drawNetwork(graph) {
  const svg = clear($("#network"));
  if (!graph.nodes.length) {
    svg.append(el("svg:text", { x: 20, y: 30, class: "axis" }, "no actors"));
    return;
  }
  const byId = layout(graph.nodes, graph.edges);
  for (const edge of graph.edges) {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    svg.append(el("svg:line", { class: "edge", x1: a.x, y1: a.y, x2: b.x, y2: b.y,
      stroke: QUAD_COLOURS[mainQuad(edge.quads)], "stroke-width": Math.min(8, 1 + edge.count) },
    el("svg:title", {}, `${a.name} \u2192 ${b.name}: ${edge.count} ${COUNTED[state.count]}`)));
  }
  for (const node of graph.nodes) svg.append(networkNode(node));
}

function networkNode(node) {
  const selected = state.filters.actor && [node.actor_id, node.name].includes(state.filters.actor);
  const r = Math.min(16, 4 + Math.sqrt(node.events) * 2);
  return el("svg:g", { class: "node" + (selected ? " selected" : ""), "data-actor": node.actor_id || node.name,
    onclick: () => setFilter({ actor: node.actor_id || node.name }) },
  el("svg:circle", { cx: node.x, cy: node.y, r },
    el("svg:title", {}, `${node.name} (${node.country || "?"}): ${node.events} ${COUNTED[state.count]}`)),
  el("svg:text", { x: node.x + r + 2, y: node.y + 3 }, node.name));
}

/* ---- the map: an offline world outline, event places as points ------------------------- */

let worldLoaded = null;

function loadWorld() {
  worldLoaded = worldLoaded || fetch("/static/world.json").then((r) => r.json()).then((world) => {
    const layer = el("svg:g", { id: "countries" });
    for (const country of world.countries) {
      layer.append(el("svg:path", { class: "country", d: country.d, "data-iso3": country.iso3,
        onclick: () => country.iso3 !== "-99" && setFilter({ country: country.iso3 }) },
      el("svg:title", {}, `${country.name} (${country.iso3})`)));
    }
    $("#map").prepend(layer);
  });
  return worldLoaded;
}

async function loadPlaces() {
  const [result] = await Promise.all([api("/api/stats/places", { ...state.filters, limit: 1000 }),
    loadWorld()]);
  const old = $("#places");
  if (old) old.remove();
  const layer = el("svg:g", { id: "places" });
  for (const place of result.places) layer.append(placePoint(place));
  $("#map").append(layer);
}

function placePoint(place) {
  return el("svg:circle", { class: "place", cx: place.lon, cy: -place.lat,
    r: Math.min(7, 2.5 + Math.sqrt(place.count)), fill: QUAD_COLOURS[mainQuad(place.quads)],
    "data-place": place.name, onclick: () => place.country && setFilter({ country: place.country }) },
  el("svg:title", {}, `${place.name} (${place.country || "?"}): ${place.count} event(s)`));
}

/* ---- an event's detail: its sentence highlighted, its document ------------------------- */

async function openEvent(eventId) {
  writeHash(eventId);
  for (const row of document.querySelectorAll("#events tbody tr")) {
    row.classList.toggle("selected", row.dataset.id === eventId);
  }
  try {
    const ev = await api("/api/events/" + encodeURIComponent(eventId));
    const doc = await api("/api/documents/" + encodeURIComponent(ev.doc_id));
    renderDetail(ev, doc);
  } catch (error) {
    showStatus(error.message, true);
  }
}

function renderDetail(ev, doc) {
  const panel = $("#detail");
  panel.hidden = false;
  renderFacts(ev);
  const sentence = clear($("#sentence"));
  sentence.setAttribute("lang", ev.lang || "en");
  sentence.append(...highlighted(ev.text, ev.span[0], eventMarks(ev)));
  renderDocument(doc, ev);
  panel.scrollIntoView({ behavior: "instant", block: "start" });
}

function renderFacts(ev) {
  const fact = (label, value) => (value ? el("span", {}, el("b", {}, label + " "), value) : null);
  const loc = ev.location;
  clear($("#event-facts")).append(el("div", { class: "facts" },
    fact("type", `${ev.event}${ev.mode ? " / " + ev.mode : ""} (CAMEO ${ev.cameo || "-"})`),
    el("span", { class: "quad q-" + ev.quad }, ev.quad.replace("_", " ")),
    fact("actor", ev.actor.map(entityLabel).join("; ")),
    fact("recipient", ev.recipient.map(entityLabel).join("; ")),
    fact("date", ev.date ? `${ev.date}${ev.date_text ? ` ("${ev.date_text}")` : ""}` : "undated"),
    fact("where", loc ? `${loc.name}${loc.country_code ? ", " + loc.country_code : ""}` : null),
    fact("modality", ev.modality), fact("context", ev.context.join(", ")),
    fact("confidence", String(ev.confidence)), fact("id", ev.id)));
  if (ev.cluster) $("#event-facts").append(reportedLine(ev.cluster));
}

function entityLabel(e) {
  const codes = [e.country, e.sector, e.org].filter(Boolean).join(" ");
  return codes ? `${e.name} (${codes})` : e.name;
}

function eventMarks(ev) {
  const marks = [];
  if (ev.trigger && ev.trigger.span) marks.push({ span: ev.trigger.span, kind: "trigger" });
  for (const e of ev.actor) marks.push({ span: e.span, kind: "actor", title: entityLabel(e) });
  for (const e of ev.recipient) marks.push({ span: e.span, kind: "recipient", title: entityLabel(e) });
  return marks;
}

/* Text between `offset` and offset + its length, with non-overlapping marks as <mark>.
 * Offsets count characters (code points), as Python does; a JS string counts UTF-16
 * units, one more past each emoji or other character outside the BMP: cut by code point. */
function highlighted(text, offset, marks) {
  const chars = Array.from(text);
  const cut = (start, end) => chars.slice(start, end).join("");
  const inside = marks.filter((m) => m.span && m.span[0] >= offset && m.span[1] <= offset + chars.length)
    .sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const parts = [];
  let at = 0;
  for (const mark of inside) {
    const start = mark.span[0] - offset;
    const end = mark.span[1] - offset;
    if (start < at) continue;  // overlaps one already marked
    parts.push(cut(at, start));
    parts.push(el("mark", { class: mark.kind, title: mark.title || mark.kind }, cut(start, end)));
    at = end;
  }
  parts.push(cut(at));
  return parts;
}

function renderDocument(doc, ev) {
  $("#doc-title").textContent = `Document: ${doc.title || doc.id}`;
  clear($("#doc-meta")).append(
    `id ${doc.id}`, doc.date ? ` \u00b7 dated ${doc.date}` : "", doc.source ? ` \u00b7 ${doc.source}` : "",
    doc.url ? " \u00b7 " : "", doc.url ? el("span", { class: "url" }, doc.url) : "",
    ` \u00b7 ${doc.events.length} event(s), ${doc.entities.length} entity mention(s)`);
  const box = clear($("#document"));
  const passages = doc.passages.length ? doc.passages
    : [{ start: 0, end: doc.text.length, lang: "en", boilerplate: false }];
  const sentenceMark = [{ span: ev.span, kind: "in-doc", title: "this event's sentence" }];
  const chars = Array.from(doc.text);  // (passages' offsets count code points)
  for (const p of passages) box.append(passageNode(chars, p, sentenceMark));
  const mark = box.querySelector("mark.in-doc");
  if (mark) box.scrollTop = mark.offsetTop - box.offsetTop - 40;  // the sentence, in context
}

function passageNode(chars, passage, marks) {
  const foreign = passage.lang && passage.lang !== "en";
  const classes = [foreign ? "foreign" : "", passage.boilerplate ? "boilerplate" : ""].join(" ").trim();
  const read = LANGUAGES[passage.lang] ? `${LANGUAGES[passage.lang]}: its events are coded`
    : "not a language dragoman codes: no events are read from it";
  const node = el("p", { class: classes || null, lang: passage.lang || null },
    foreign ? el("span", { class: "lang", title: read }, passage.lang) : null,
    passage.boilerplate ? el("span", { class: "lang" }, "boilerplate") : null);
  const partial = marks.filter((m) => m.span[0] >= passage.start && m.span[1] <= passage.end);
  node.append(...highlighted(chars.slice(passage.start, passage.end).join(""), passage.start, partial));
  return node;
}

/* ---- start-up -------------------------------------------------------------------------- */

async function showService() {
  try {
    const health = await api("/healthz");
    $("#service").textContent = `${health.events.toLocaleString()} events \u00b7 ` +
      `${health.documents.toLocaleString()} documents \u00b7 ${health.writable ? "writable" : "read-only"}`;
  } catch (error) {
    $("#service").textContent = "service unavailable";
  }
}

function fillChoices() {
  for (const type of TYPES) $("#f-type").append(el("option", { value: type }, type));
  for (const quad of QUADS) $("#f-quad").append(el("option", { value: quad }, quad.replace("_", " ")));
  for (const [code, name] of Object.entries(LANGUAGES)) $("#f-lang").append(el("option", { value: code }, name));
}

function bindControls() {
  $("#filters").addEventListener("submit", (event) => { event.preventDefault(); readForm(); state.offset = 0; refresh(); });
  $("#reset").onclick = () => { state.filters = {}; state.offset = 0; fillForm(); refresh(); };
  $("#prev").onclick = () => turnPage(-1);
  $("#next").onclick = () => turnPage(1);
  $("#limit").onchange = () => { state.limit = Number($("#limit").value); state.offset = 0; loadEvents(); };
  $("#interval").onchange = () => loadTimeline().catch((error) => showStatus(error.message, true));
  $("#by").onchange = () => loadTimeline().catch((error) => showStatus(error.message, true));
  $("#count-by").onchange = () => {
    state.count = $("#count-by").value;
    writeHash();
    Promise.all([loadTimeline(), loadNetwork()]).catch((error) => showStatus(error.message, true));
  };
  $("#close-detail").onclick = () => { $("#detail").hidden = true; writeHash(); };
  $("#close-cluster").onclick = () => { $("#cluster").hidden = true; writeHash(); };
  $("#grouped").onchange = () => {
    showGrouped($("#grouped").checked);
    state.offset = 0;
    writeHash();
    loadEvents().catch((error) => showStatus(error.message, true));
  };
  for (const th of document.querySelectorAll("th.sortable")) th.onclick = () => sortBy(th.dataset.sort);
}

async function start() {
  fillChoices();
  bindControls();
  const { eventId, clusterId } = readHash();
  showGrouped(state.grouped);
  $("#count-by").value = state.count;
  fillForm();
  showService();
  await refresh();
  if (eventId) await openEvent(eventId);
  if (clusterId) await openCluster(clusterId);
  document.body.dataset.ready = "true";
}

start();
