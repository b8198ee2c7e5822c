/* The actor network: a small force layout, computed once per load. */

import { setFilter } from "./app.js";
import { $, api, clear, el } from "./dom.js";
import { COUNTED, QUAD_COLOURS, state } from "./state.js";

const NET = { width: 600, height: 360 };

export async function loadNetwork() {
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

export function mainQuad(quads) {
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
