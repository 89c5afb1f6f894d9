// Predict, then run: fills <div id="predict"> on the scenario page with a small form asking what the
// learner expects before the first load (success rate, p95, why), then shows it beside what the lab
// measured. Self-contained: its own fetches and its own event stream; text only, never HTML from data.
(() => {
  "use strict";
  const root = document.getElementById("predict");
  if (!root) return;
  const match = location.pathname.match(/\/scenarios\/([^/]+)/);
  const id = root.dataset.scenario || (match && decodeURIComponent(match[1]));
  if (!id) return;
  const api = `/api/scenarios/${encodeURIComponent(id)}/prediction`;
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, props);
    for (const child of children) node.append(child);
    return node;
  };

  let editing = false;

  async function refresh() {
    try {
      const response = await fetch(api, { headers: { Accept: "application/json" } });
      if (response.ok) render(await response.json());
    } catch {
      // The lab may be restarting; the next run's end refreshes again.
    }
  }

  function render(view) {
    root.replaceChildren();
    root.className = "predict";
    if (!view.prediction || editing) {
      root.append(form(view));
      return;
    }
    const p = view.prediction;
    const change = el("a", { href: "#", textContent: "change" });
    change.addEventListener("click", (e) => { e.preventDefault(); editing = true; render(view); });
    root.append(el("p", { className: "predict-expected" }, `${p.text}, because ${p.why} `, "(", change, ")"));
    if (view.measured) {
      root.append(el("p", { className: "predict-measured" }, `${view.measured.text}.`));
    } else {
      root.append(el("p", { className: "predict-hint" }, "Now press Load and compare."));
    }
  }

  function field(name, label, placeholder, value) {
    const input = el("input", { name, placeholder, value: value || "", required: true, autocomplete: "off" });
    input.id = `predict-${name}`;
    return [el("label", { htmlFor: input.id, textContent: label }), input];
  }

  function form(view) {
    const p = view.prediction;
    const error = el("p", { className: "predict-error", role: "alert" });
    const node = el("form", { className: "predict-form" },
      el("p", { className: "predict-question", textContent: `Before you load it: what do you expect with ${view.users} users?` }),
      ...field("success", "Success rate", "95%", p && `${+(p.successRate * 100).toFixed(2)}%`),
      ...field("p95", "p95 latency", "200ms or 2s", p && `${p.p95Ms}ms`),
      ...field("why", "Why (one sentence)", "what the app does under load", p && p.why),
      el("button", { type: "submit", textContent: "Record my prediction" }),
      error);
    node.addEventListener("submit", async (e) => {
      e.preventDefault();
      const data = new FormData(node);
      error.textContent = "";
      try {
        const response = await fetch(api, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": csrf },
          body: JSON.stringify({ success: data.get("success"), p95: data.get("p95"), why: data.get("why") }),
        });
        const type = response.headers.get("Content-Type") || "";
        const body = type.includes("json") ? await response.json() : { text: await response.text() };
        if (!response.ok) {
          error.textContent = body.text || `The lab answered ${response.status}.`;
          return;
        }
        editing = false;
        render(body);
      } catch {
        error.textContent = "The web lab did not answer: is it still running?";
      }
    });
    return node;
  }

  // After a load or a check ends, show what was measured beside the prediction.
  if (window.EventSource) {
    const events = new EventSource("/api/events");
    events.addEventListener("done", (e) => {
      try {
        const done = JSON.parse(e.data);
        if (done.job === "load" || done.job === "check") refresh();
      } catch {
        // A frame this script does not understand changes nothing here.
      }
    });
  }
  refresh();
})();
