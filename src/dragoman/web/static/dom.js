/* The page's DOM helpers and its one way to the JSON API.
 *
 * News text is untrusted input: every piece of it reaches the page through
 * textContent or setAttribute (see el()), never through innerHTML.
 */

const SVGNS = "http://www.w3.org/2000/svg";

/* ---- DOM helpers: the only way text reaches the page ---------------------------------- */

export function el(tag, attrs, ...children) {
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

export const $ = (selector) => document.querySelector(selector);

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function showStatus(message, isError) {
  const status = $("#status");
  status.textContent = message || "";
  status.classList.toggle("error", Boolean(isError));
}

/* ---- the API ----------------------------------------------------------------------- */

export async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const response = await fetch(path + (query.toString() ? "?" + query : ""));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}
