/* dragoman's page: vanilla JS over the JSON API, charts drawn as SVG by hand; one module
 * per part of the page (dom.js: how text reaches it), this one loads them all and starts.
 */

import { openCluster, showGrouped } from "./clusters.js";
import { $, api, el, showStatus } from "./dom.js";
import { loadPlaces } from "./map.js";
import { loadNetwork } from "./network.js";
import { openEvent } from "./detail.js";
import { LANGUAGES, QUADS, TYPES, fillForm, readForm, readHash, state, writeHash } from "./state.js";
import { loadEvents, sortBy, turnPage } from "./table.js";
import { loadTimeline } from "./timeline.js";

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

// Clicks on the timeline, the network and the map narrow the filters through this.
export function setFilter(changes) {
  Object.assign(state.filters, changes);
  for (const key of Object.keys(changes)) if (!changes[key]) delete state.filters[key];
  state.offset = 0;
  fillForm();
  refresh();
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
