// unspin web page. Every piece of corpus or article data is put into the page
// with textContent, never as markup; the report HTML comes from the server's
// renderer, which escapes article text, and is parsed inertly (no scripts run).
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

function status(id, msg, err) {
  const s = $(id);
  s.textContent = msg || "";
  s.classList.toggle("err", !!err);
}

async function api(url, opts) {
  const r = await fetch(url, opts);
  if (!r.ok) {
    let msg = r.status + " " + r.statusText;
    try { msg = (await r.json()).error || msg; } catch (_) { /* not JSON */ }
    throw new Error(msg);
  }
  return r;
}

// ----- tabs -----
function show(tab) {
  for (const s of document.querySelectorAll(".u-tab")) s.hidden = s.id !== "tab-" + tab;
  for (const a of document.querySelectorAll(".u-bar a")) a.classList.toggle("on", a.dataset.tab === tab);
  if (tab === "browse") browse(true);
}

function route() {
  const h = (location.hash || "#analyze").slice(1).split("?")[0];
  show(["analyze", "search", "provenance", "browse"].includes(h) ? h : "analyze");
}

// ----- analyse -----
function looksHtml(s) { return /^\s*</.test(s) && /<(html|body|p|div|article|head)[\s>]/i.test(s); }

function showReport(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  // Defence in depth: the renderer emits no scripts or handlers; drop any anyway.
  for (const s of doc.querySelectorAll("script,iframe,object,embed")) s.remove();
  for (const n of doc.querySelectorAll("*")) {
    for (const a of Array.from(n.attributes)) if (/^on/i.test(a.name)) n.removeAttribute(a.name);
  }
  const box = $("report");
  box.replaceChildren();
  for (const st of doc.querySelectorAll("head style")) box.appendChild(document.adoptNode(st));
  for (const n of Array.from(doc.body.childNodes)) {
    if (n.nodeName === "NAV") continue;
    box.appendChild(document.adoptNode(n));
  }
}

async function analyze(text, isHtml) {
  if (!text.trim()) { status("analyze-status", "Paste an article first.", true); return; }
  status("analyze-status", "Analysing…");
  const body = JSON.stringify(isHtml ? { html: text, store: $("store").checked } : { text: text, store: $("store").checked });
  try {
    const r = await api("/api/analyze?format=html", { method: "POST", headers: { "Content-Type": "application/json" }, body });
    showReport(await r.text());
    const id = r.headers.get("x-unspin-id");
    const n = document.querySelectorAll("#report article .q").length;
    status("analyze-status", "Done: " + n + " quotation highlight" + (n === 1 ? "" : "s") + (id ? " · saved as #" + id : ""));
    document.body.dataset.analyzed = "1";
    if (id) stats();
  } catch (e) {
    status("analyze-status", "Failed: " + e.message, true);
  }
}

// ----- lists -----
function docLine(d) {
  const li = el("li");
  const a = el("a", null, d.title || d.url || "(untitled)");
  a.href = "/doc/" + encodeURIComponent(d.id);
  li.appendChild(a);
  const bits = [d.outlet, d.published || d.seen, plural(d.n_quotes, "quote")].filter(Boolean);
  li.appendChild(el("div", "u-meta", bits.join(" · ")));
  return li;
}

function snippet(s) {
  // \u0002 … \u0003 mark matched terms; everything else is text.
  const span = el("div", "u-snip");
  const parts = String(s).split(/([\u0002\u0003])/);
  let on = false;
  for (const p of parts) {
    if (p === "\u0002") { on = true; continue; }
    if (p === "\u0003") { on = false; continue; }
    if (p) span.appendChild(on ? el("mark", null, p) : document.createTextNode(p));
  }
  return span;
}

function quoteLine(q, extra) {
  const li = el("li");
  li.appendChild(el("span", "u-quote", q.text));
  const meta = el("div", "u-meta");
  meta.appendChild(el("span", "u-speaker", q.speaker || "no speaker"));
  for (const b of [q.outlet, q.date].filter(Boolean)) meta.appendChild(document.createTextNode(" · " + b));
  meta.appendChild(document.createTextNode(" · "));
  const a = el("a", null, q.title || q.url || "article #" + q.doc_id);
  a.href = "/doc/" + encodeURIComponent(q.doc_id);
  meta.appendChild(a);
  if (extra) meta.appendChild(document.createTextNode(" · " + extra));
  meta.appendChild(document.createTextNode(" "));
  const b = el("button", "u-link", "provenance");
  b.type = "button";
  b.addEventListener("click", () => { location.hash = "#provenance"; $("prov-q").value = q.text; trace(q.text); });
  meta.appendChild(b);
  li.appendChild(meta);
  return li;
}

async function search(q) {
  $("q").value = q;
  if (!q.trim()) return;
  status("search-status", "Searching…");
  try {
    const r = await (await api("/api/search?q=" + encodeURIComponent(q))).json();
    const ql = $("search-quotes"), dl = $("search-docs");
    ql.replaceChildren(...r.quotes.map((x) => quoteLine(x)));
    dl.replaceChildren(...r.docs.map((h) => { const li = docLine(h.doc); li.appendChild(snippet(h.snippet)); return li; }));
    status("search-status", plural(r.quotes.length, "quotation") + ", " + plural(r.docs.length, "article"));
  } catch (e) {
    status("search-status", "Failed: " + e.message, true);
  }
}

async function trace(q) {
  if (!q.trim()) return;
  status("prov-status", "Tracing…");
  try {
    const r = await (await api("/api/provenance?q=" + encodeURIComponent(q))).json();
    $("prov-list").replaceChildren(...r.hits.map((h) => quoteLine(h.quote, h.relation + " (" + Math.round(h.similarity * 100) + "%)")));
    status("prov-status", r.hits.length + (r.hits.length === 1 ? " article carries it" : " articles carry it"));
  } catch (e) {
    status("prov-status", "Failed: " + e.message, true);
  }
}

let docsOffset = 0;
async function browse(reset) {
  if (reset) docsOffset = 0;
  try {
    const d = await (await api("/api/docs?limit=30&offset=" + docsOffset)).json();
    const list = $("browse-docs");
    if (reset) list.replaceChildren();
    for (const x of d.docs) list.appendChild(docLine(x));
    docsOffset += d.docs.length;
    if (reset) {
      const s = await (await api("/api/speakers?top=20")).json();
      $("browse-speakers").replaceChildren(...s.speakers.map((x) => {
        const li = el("li", null, x.name + " — " + plural(x.quotes, "quote") + " in " + plural(x.documents, "article"));
        return li;
      }));
      const o = await (await api("/api/outlets?top=30")).json();
      $("browse-outlets").replaceChildren(...o.outlets.map((x) => {
        const tr = el("tr");
        tr.appendChild(el("td", null, x.outlet));
        tr.appendChild(el("td", null, x.articles));
        tr.appendChild(el("td", null, Math.round(x.attributed_share * 100) + "%"));
        tr.appendChild(el("td", null, x.technique_density));
        return tr;
      }));
    }
  } catch (e) { /* empty corpus or server gone: leave the lists empty */ }
}

async function stats() {
  try {
    const s = await (await api("/api/stats")).json();
    $("u-stats").textContent = s.documents + (s.documents === 1 ? " article · " : " articles · ") + s.quotes + " quotations in the corpus";
  } catch (e) { /* ignore */ }
}

document.addEventListener("DOMContentLoaded", () => {
  $("analyze-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const t = $("article").value;
    analyze(t, looksHtml(t));
  });
  $("file").addEventListener("change", () => {
    const f = $("file").files[0];
    if (!f) return;
    const rd = new FileReader();
    rd.onload = () => {
      const t = String(rd.result);
      $("article").value = t;
      analyze(t, /\.html?$/i.test(f.name) || looksHtml(t));
    };
    rd.readAsText(f);
  });
  $("search-form").addEventListener("submit", (e) => { e.preventDefault(); location.hash = "#search"; search($("q").value); });
  $("prov-form").addEventListener("submit", (e) => { e.preventDefault(); trace($("prov-q").value); });
  $("more-docs").addEventListener("click", () => browse(false));
  window.addEventListener("hashchange", route);
  route();
  stats();
  // Prefill from the address: ?text=… analyses, ?q=… searches, ?quote=… traces.
  const p = new URLSearchParams(location.search);
  if (p.get("text")) { location.hash = "#analyze"; $("article").value = p.get("text"); analyze(p.get("text"), looksHtml(p.get("text"))); }
  else if (p.get("q")) { location.hash = "#search"; search(p.get("q")); }
  else if (p.get("quote")) { location.hash = "#provenance"; $("prov-q").value = p.get("quote"); trace(p.get("quote")); }
});
