/* An event's detail: its sentence highlighted, its document. */

import { reportedLine } from "./clusters.js";
import { $, api, clear, el, showStatus } from "./dom.js";
import { LANGUAGES, writeHash } from "./state.js";

export async function openEvent(eventId) {
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

export function eventMarks(ev) {
  const marks = [];
  if (ev.trigger && ev.trigger.span) marks.push({ span: ev.trigger.span, kind: "trigger" });
  for (const e of ev.actor) marks.push({ span: e.span, kind: "actor", title: entityLabel(e) });
  for (const e of ev.recipient) marks.push({ span: e.span, kind: "recipient", title: entityLabel(e) });
  return marks;
}

/* Text between `offset` and offset + its length, with non-overlapping marks as <mark>.
 * Offsets count characters (code points), as Python does; a JS string counts UTF-16
 * units, one more past each emoji or other character outside the BMP: cut by code point. */
export function highlighted(text, offset, marks) {
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
