/* The reports of one happening (issue 13): the event table one row per cluster, and a
 * cluster's reports side by side, each with its source, date and why it was linked.
 *
 * News text reaches the page only through el() (dom.js).
 */

import { eventMarks, highlighted } from "./detail.js";
import { $, api, clear, el, showStatus } from "./dom.js";
import { state, writeHash } from "./state.js";
import { names } from "./table.js";

const plural = (n, word) => `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;

/* "reported by 3 articles from 2 sources": a wire copy is an article, not a source. */
function reportedBy(cluster) {
  return `reported by ${plural(cluster.articles, "article")} from ${plural(cluster.sources, "source")}`;
}

/* The table cell of an event: how many articles and sources its cluster has. */
export function reportsCell(ev) {
  const cluster = ev.cluster;
  if (!cluster) return el("td", {}, "");
  return el("td", { class: "reports", title: reportedBy(cluster) },
    el("button", { type: "button", class: "link reports-link", "data-cluster": cluster.id,
      onclick: (event) => { event.stopPropagation(); openCluster(cluster.id); } },
    `${plural(cluster.articles, "article")} \u00b7 ${plural(cluster.sources, "source")}`));
}

/* Under an event's facts: who reported it, and the way to its reports. */
export function reportedLine(cluster) {
  return el("p", { class: "reported" }, reportedBy(cluster), " ",
    el("button", { type: "button", class: "link inline", id: "open-cluster",
      onclick: () => openCluster(cluster.id) }, "see the reports side by side"));
}

/* ---- one row per cluster --------------------------------------------------------------- */

export async function loadClusters() {
  const page = await api("/api/clusters", { ...state.filters, limit: state.limit,
    offset: state.offset, order: "-articles" });
  state.clusters = page.clusters;
  state.nextClusters = page.next;
  renderClusterTable();
}

function renderClusterTable() {
  const body = clear($("#clusters tbody"));
  for (const cluster of state.clusters) body.append(clusterRow(cluster));
  if (!state.clusters.length) {
    body.append(el("tr", {}, el("td", { colspan: 6 }, "no happenings match")));
  }
  $("#count").textContent = "happenings, most reported first";
  $("#page").textContent = state.clusters.length
    ? `${state.offset + 1}\u2013${state.offset + state.clusters.length}` : "";
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = state.nextClusters === null || state.nextClusters === undefined;
}

function clusterRow(cluster) {
  const record = cluster.representative || {};
  const reported = cluster.first_reported === cluster.last_reported ? cluster.first_reported
    : `${cluster.first_reported} to ${cluster.last_reported}`;
  return el("tr", { "data-cluster": cluster.id, onclick: () => openCluster(cluster.id) },
    el("td", {}, cluster.date || "undated"),
    el("td", {}, cluster.event),
    el("td", {}, names(record.actor || [])),
    el("td", {}, names(record.recipient || [])),
    el("td", { class: "reports" }, reportedBy(cluster), el("br"),
      el("small", {}, `${plural(cluster.mentions, "sentence")}, ${reported || ""}`)),
    el("td", { class: "sentence-cell" }, record.text || ""));
}

/* Switching between one row per event and one row per cluster. */
export function showGrouped(grouped) {
  state.grouped = grouped;
  $("#grouped").checked = grouped;
  $("#events").hidden = grouped;
  $("#clusters").hidden = !grouped;
  $("#table-title").textContent = grouped ? "Happenings" : "Events";
}

/* ---- a cluster: its reports side by side -------------------------------------------- */

export async function openCluster(clusterId) {
  writeHash(null, clusterId);
  try {
    renderCluster(await api("/api/clusters/" + encodeURIComponent(clusterId)));
  } catch (error) {
    showStatus(error.message, true);
  }
}

function renderCluster(cluster) {
  const panel = $("#cluster");
  panel.hidden = false;
  panel.dataset.cluster = cluster.id;
  const reported = cluster.first_reported === cluster.last_reported ? `on ${cluster.first_reported}`
    : `from ${cluster.first_reported} to ${cluster.last_reported}`;
  $("#cluster-summary").textContent = `${cluster.event}${cluster.date ? " " + cluster.date : ""}: ` +
    `${reportedBy(cluster)} (${plural(cluster.mentions, "sentence")}), ${reported}`;
  // Reports are numbered in the order shown (earliest article first), so that "linked to
  // report 2" can be read off the cards.
  const numbers = new Map(cluster.reports.map((report, i) => [report.record.id, i + 1]));
  const box = clear($("#reports"));
  cluster.reports.forEach((report, i) => box.append(reportCard(report, i + 1, numbers)));
  panel.scrollIntoView({ behavior: "instant", block: "start" });
}

function reportCard(report, number, numbers) {
  const { record, article } = report;
  // A copy of another article counts as its original's source, not as one of its own.
  const counted = article.source && article.counted_as !== article.source
    ? ` (a copy: counted as ${article.counted_as})` : "";
  return el("article", { class: "report", "data-event": record.id },
    el("div", { class: "report-head" }, el("b", {}, `${number}. `),
      article.source || article.counted_as || record.doc_id, counted,
      el("span", { class: "meta" }, ` \u00b7 ${article.reported || "undated"}`)),
    article.title ? el("div", { class: "meta" }, article.title) : null,
    el("div", { class: "facts" }, el("span", {}, el("b", {}, "event "), record.event),
      el("span", {}, el("b", {}, "date "), record.date || "undated")),
    el("p", { class: "sentence" }, ...highlighted(record.text, record.span[0], eventMarks(record))),
    whyNode(report, numbers));
}

function whyNode(report, numbers) {
  if (!report.linked_to) return el("p", { class: "why" }, "the first report");
  const target = numbers.has(report.linked_to) ? `report ${numbers.get(report.linked_to)}`
    : report.linked_to;
  return el("div", { class: "why" }, `linked to ${target}:`,
    el("ul", {}, report.why.map((reason) => el("li", {}, reason))));
}
