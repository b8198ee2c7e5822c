/* The event table: one row per event, a page at a time. */

import { loadClusters, reportsCell } from "./clusters.js";
import { openEvent } from "./detail.js";
import { $, api, clear, el, showStatus } from "./dom.js";
import { state, writeHash } from "./state.js";

export async function loadEvents() {
  if (state.grouped) return loadClusters();
  const page = await api("/api/events", { ...state.filters, limit: state.limit,
    offset: state.offset, order: state.order });
  state.events = page.events;
  state.total = page.total;
  state.totalIsLowerBound = Boolean(page.total_is_lower_bound);
  state.clientSort = null;
  renderTable();
}

export const names = (entities) => entities.map((e) => e.name).join("; ");
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

export function sortBy(key) {
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

export function turnPage(step) {
  state.offset = Math.max(0, state.offset + step * state.limit);
  writeHash();
  loadEvents().catch((error) => showStatus(error.message, true));
}
