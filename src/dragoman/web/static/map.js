/* The map: an offline world outline, event places as points. */

import { setFilter } from "./app.js";
import { $, api, el } from "./dom.js";
import { mainQuad } from "./network.js";
import { QUAD_COLOURS, state } from "./state.js";

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

export async function loadPlaces() {
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
