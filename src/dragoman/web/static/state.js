/* What the page shows: the PLOVER types and quads with their colours, the filters and
 * the page's state, kept in the URL hash so a view can be shared and reloaded. */

import { $ } from "./dom.js";

export const QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
export const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
export const QUAD_COLOURS = { verbal_cooperation: "#74a9cf", material_cooperation: "#0570b0",
  verbal_conflict: "#fd8d3c", material_conflict: "#cb181d" };
export const TYPE_COLOURS = ["#74a9cf", "#0570b0", "#3690c0", "#a6bddb", "#1b7837", "#5aae61", "#a6dba0",
  "#fdae6b", "#fd8d3c", "#e6550d", "#a63603", "#cb181d", "#ef3b2c", "#fb6a4a", "#99000d", "#67000d"];
const FILTERS = ["actor", "country", "type", "quad", "lang", "since", "until", "q", "doc"];
// The languages whose sentences are coded (ISO 639-1): the language filter's choices.
export const LANGUAGES = { en: "English", ru: "Russian" };

// grouped: the table shows one row per cluster (the reports of one happening: clusters.js).
// count: what the timeline and the network count, "events" (reports) or "clusters" (happenings).
export const state = { filters: {}, order: "-date", offset: 0, limit: 50, events: [], clientSort: null,
  grouped: false, clusters: [], nextClusters: null, count: "events" };
export const COUNTED = { events: "event(s)", clusters: "happening(s)" };

/* ---- filters, kept in the URL hash so a view can be shared and reloaded ------------- */

export function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  state.filters = {};
  for (const key of FILTERS) if (params.get(key)) state.filters[key] = params.get(key);
  state.offset = Number(params.get("offset")) || 0;
  state.order = params.get("order") || "-date";
  state.grouped = params.get("grouped") === "1";
  state.count = params.get("count") === "clusters" ? "clusters" : "events";
  return { eventId: params.get("event"), clusterId: params.get("cluster") };
}

export function writeHash(eventId, clusterId) {
  const params = new URLSearchParams(state.filters);
  if (state.offset) params.set("offset", state.offset);
  if (state.order !== "-date") params.set("order", state.order);
  if (state.grouped) params.set("grouped", "1");
  if (state.count !== "events") params.set("count", state.count);
  if (eventId) params.set("event", eventId);
  if (clusterId) params.set("cluster", clusterId);
  history.replaceState(null, "", "#" + params.toString());
}

export function fillForm() {
  for (const key of FILTERS) $("#f-" + key).value = state.filters[key] || "";
}

export function readForm() {
  state.filters = {};
  for (const key of FILTERS) {
    const value = $("#f-" + key).value.trim();
    if (value) state.filters[key] = value;
  }
}
