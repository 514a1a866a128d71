// dyad's dashboard: plain JS and SVG, no library, nothing fetched but the API.
"use strict";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const PAGE = 50;
const SVG = "http://www.w3.org/2000/svg";

const $ = (sel) => document.querySelector(sel);
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return e;
}
function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function status(msg) { $("#status").textContent = msg; }

async function api(path) {
  const r = await fetch(path);
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function who(list) {
  return list.map((a) => a.name || a.text).join(" + ") || "–";
}

// ---- tabs -------------------------------------------------------------
const tabs = [...document.querySelectorAll('[role="tab"]')];
function show(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
  }
  const view = tab.getAttribute("aria-controls");
  if (view === "dyad") loadDyad();
  if (view === "network") loadNetwork();
  if (view === "threats") loadThreats();
}
tabs.forEach((t, i) => {
  t.addEventListener("click", () => show(t));
  t.addEventListener("keydown", (e) => {
    const d = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (d) { const n = tabs[(i + d + tabs.length) % tabs.length]; n.focus(); show(n); }
  });
});
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && !$("#document").hidden) closeDocument();
  else if (e.key === "/" && document.activeElement.tagName !== "INPUT") {
    e.preventDefault(); show(tabs[0]); $("#text-filter").focus();
  }
});

// ---- timeline ---------------------------------------------------------
let offset = 0;
const typeSelect = $('#filters select[name="type"]');
for (const t of TYPES) typeSelect.append(el("option", { value: t }, t));

function eventItem(e) {
  const li = el("li", { tabindex: "0", "data-event": e.id, "data-doc": e.mention_links?.[0]?.doc_id ?? e.doc_id },
    el("span", { class: "date" }, e.date ?? "–"),
    el("span", { class: `type q${e.quad}` }, e.event_type),
    el("span", {},
      el("span", { class: "who" }, who(e.actors)), " → ", el("span", { class: "who" }, who(e.recipients)),
      " · ", e.trigger.text,
      e.modality !== "asserted" ? el("span", { class: "badge" }, e.modality) : "",
      e.deadline ? el("span", { class: "badge" }, `deadline ${e.deadline}`) : "",
      e.location ? el("span", { class: "badge place" }, `in ${e.location.name}${e.location.country ? `, ${e.location.country}` : ""}`) : "",
      e.num_articles > 1 ? el("span", { class: "badge" }, `${e.num_articles} articles`) : ""),
    el("span", { class: "sentence" }, e.text));
  const open = () => openDocument(li.dataset.doc, e.id);
  li.addEventListener("click", open);
  li.addEventListener("keydown", (k) => { if (k.key === "Enter") open(); });
  return li;
}

async function loadTimeline() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters"))) if (v) params.set(k, v);
  params.set("limit", PAGE);
  params.set("offset", offset);
  status("loading…");
  try {
    const page = await api(`/api/events?${params}`);
    $("#events").replaceChildren(...page.events.map(eventItem));
    const last = offset + page.events.length;
    // Beyond 10,000 matches the API stops counting: "10,000+ events".
    const total = `${page.total.toLocaleString()}${page.total_exact ? "" : "+"}`;
    $("#timeline-count").textContent = page.events.length
      ? `${total} events; ${offset + 1}–${last} shown, oldest first`
      : page.total ? `${total} events; none from ${offset + 1} on` : "No events match.";
    $("#prev").disabled = offset === 0;
    $("#next").disabled = page.total_exact ? last >= page.total : page.events.length < PAGE;
    status("");
  } catch (err) { status(err.message); }
}
$("#filters").addEventListener("submit", (e) => { e.preventDefault(); offset = 0; loadTimeline(); });
$("#prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); loadTimeline(); });
$("#next").addEventListener("click", () => { offset += PAGE; loadTimeline(); });

// ---- dyad chart -------------------------------------------------------
async function loadDyad() {
  const f = new FormData($("#dyad-form"));
  const a = f.get("a").trim().toUpperCase(), b = f.get("b").trim().toUpperCase();
  try {
    // The server draws the chart (the same SVG as `dyad series --plot`).
    const r = await fetch(`/api/series?dyad=${encodeURIComponent(a)},${encodeURIComponent(b)}&by=${f.get("by")}&format=svg`);
    if (!r.ok) throw new Error((await r.json()).error ?? r.statusText);
    const chart = new DOMParser().parseFromString(await r.text(), "image/svg+xml").documentElement;
    chart.setAttribute("role", "img");
    chart.setAttribute("aria-label", `${a}–${b} events by quad class and mean Goldstein score`);
    $("#dyad-chart").replaceChildren(document.importNode(chart, true));
  } catch (err) { status(err.message); }
}
$("#dyad-form").addEventListener("submit", (e) => { e.preventDefault(); loadDyad(); });

// ---- network ----------------------------------------------------------
function goldsteinColour(g) {
  if (g == null) return "#98a2b3";
  const t = Math.max(-1, Math.min(1, g / 10));
  return t < 0 ? `rgb(${200},${Math.round(60 + 140 * (1 + t))},${Math.round(60 + 140 * (1 + t))})`
    : `rgb(${Math.round(200 - 160 * t)},${Math.round(200 - 90 * t)},${220})`;
}

async function loadNetwork() {
  try {
    const { edges } = await api("/api/actors?limit=40");
    $("#network-chart").replaceChildren(networkChart(edges));
  } catch (err) { status(err.message); }
}

function networkChart(edges) {
  const W = 760, H = 560, cx = W / 2, cy = H / 2, rad = 220;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Network of countries acting on each other" });
  const defs = svg("defs");
  const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" });
  marker.append(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#667085" }));
  defs.append(marker); root.append(defs);
  const nodes = [...new Set(edges.flatMap((e) => [e.src, e.tgt]))].sort();
  if (!nodes.length) { root.append(svg("text", { x: cx, y: cy, "text-anchor": "middle" }, "No events between countries yet.")); return root; }
  const pos = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n, [cx + rad * Math.cos(a), cy + rad * Math.sin(a)]];
  }));
  const maxN = Math.max(...edges.map((e) => e.events));
  for (const e of edges) {
    const [x1, y1] = pos.get(e.src), [x2, y2] = pos.get(e.tgt);
    const line = svg("line", { x1, y1, x2, y2, stroke: goldsteinColour(e.mean_goldstein), "stroke-width": 1 + (5 * e.events) / maxN, "marker-end": "url(#arrow)", opacity: 0.85 });
    line.append(svg("title", {}, `${e.src} → ${e.tgt}: ${e.events} events, mean Goldstein ${e.mean_goldstein ?? "–"}`));
    root.append(line);
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n);
    root.append(svg("circle", { cx: x, cy: y, r: 16, fill: "#fff", stroke: "#344054" }),
      svg("text", { x, y: y + 4, "text-anchor": "middle", "font-size": 11, "font-weight": "bold" }, n));
  }
  return root;
}

// ---- threat board -----------------------------------------------------
async function loadThreats() {
  try {
    const { threats, total } = await api("/api/threats?limit=200");
    const cards = threats.map((t) => {
      const e = t.event;
      const count = t.days_left == null ? "no deadline"
        : t.days_left >= 0 ? `${t.days_left} day${t.days_left === 1 ? "" : "s"} left` : `${-t.days_left} days past`;
      const card = el("article", { class: `card ${t.status}`, tabindex: "0", "data-event": e.id },
        el("h3", {}, `${who(e.actors)} → ${who(e.recipients)}`),
        el("div", { class: "countdown" }, t.deadline ? `${t.deadline}` : "–"),
        el("div", {}, el("strong", {}, t.status.replace("_", " ")), ` · ${count} · threatens ${t.threatened}`),
        el("p", { class: "muted" }, e.text));
      const open = () => openDocument(e.mention_links?.[0]?.doc_id ?? e.doc_id, e.id);
      card.addEventListener("click", open);
      card.addEventListener("keydown", (k) => { if (k.key === "Enter") open(); });
      return card;
    });
    if (total > cards.length) cards.push(el("p", { class: "muted" }, `The first ${cards.length} of ${total.toLocaleString("en")} threats; narrow them with dyad threats or /api/threats.`));
    $("#threat-board").replaceChildren(...(cards.length ? cards : [el("p", { class: "muted" }, "No threats stored.")]));
  } catch (err) { status(err.message); }
}

// ---- document view ----------------------------------------------------
let lastFocus = null;
async function openDocument(id, eventId) {
  try {
    const { document: d, events } = await api(`/api/documents/${encodeURIComponent(id)}`);
    lastFocus = document.activeElement;
    const full = d.title ? `${d.title}\n\n${d.text}` : d.text;
    const marks = [];
    for (const e of events) {
      const link = e.mention_links.find((m) => m.doc_id === id);
      if (link && link.event_id !== e.mention_links[0].event_id && e.mention_links[0].doc_id !== id) continue;
      for (const a of e.actors) marks.push([a.span, "actor", `${a.name || a.text} (${a.cameo || "?"})`]);
      for (const a of e.recipients) marks.push([a.span, "recipient", `${a.name || a.text} (${a.cameo || "?"})`]);
      marks.push([e.trigger.span, "trigger", `${e.event_type} ${e.cameo ?? ""}: ${e.rule}`]);
      const l = e.location;
      if (l?.span) marks.push([l.span, "place", [l.name, l.admin1, l.country].filter(Boolean).join(", ") + (l.geonames_id ? ` (GeoNames ${l.geonames_id})` : "")]);
    }
    $("#doc-text").replaceChildren(...highlight(full, marks));
    $("#doc-title").textContent = d.title || d.id;
    $("#doc-meta").textContent = [d.source, d.published, d.id].filter(Boolean).join(" · ");
    $("#doc-events").replaceChildren(...events.map((e) => {
      const li = eventItem(e);
      li.append(el("span", { class: "sentence" }, `rule: ${e.rule}`));
      if (e.id === eventId) li.setAttribute("aria-current", "true");
      return li;
    }));
    $("#document").hidden = false;
    $("#doc-close").focus();
  } catch (err) { status(err.message); }
}
function closeDocument() { $("#document").hidden = true; lastFocus?.focus(); }
$("#doc-close").addEventListener("click", closeDocument);

// Byte spans → text with <mark>s. Spans are UTF-8 byte offsets.
function highlight(text, marks) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const spans = marks.filter(([s]) => s && s[1] > s[0]).sort((x, y) => x[0][0] - y[0][0] || y[0][1] - x[0][1]);
  const out = [];
  let at = 0;
  for (const [[s, e], kind, title] of spans) {
    if (s < at) continue; // overlapping: the first wins
    out.push(dec.decode(bytes.slice(at, s)));
    out.push(el("mark", { class: kind, title }, dec.decode(bytes.slice(s, e))));
    at = e;
  }
  out.push(dec.decode(bytes.slice(at)));
  return out;
}

loadTimeline();
