// The scenario page: buttons post to /api, the live stream (/api/events) feeds the dashboard (dashboard.js).
(function () {
  "use strict";
  const main = document.querySelector("main.scenario");
  if (window.mermaid) {
    mermaid.initialize({ startOnLoad: false, theme: "neutral", securityLevel: "strict" });
    mermaid.run({ querySelector: ".mermaid" }).catch(() => { /* a bad diagram stays as text */ });
  }
  if (!main) return;
  const id = main.dataset.scenario;
  const $ = (s) => document.querySelector(s);
  const status = $("#status");
  const help = $("#help");
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  const dash = window.createDashboard(main, status);
  const setStatus = dash.setStatus;

  // ---- actions -----------------------------------------------------------------------------
  function setBusy(job) {
    main.dataset.busy = job || "";
    document.querySelectorAll("button[data-action]").forEach((b) => {
      if (b.dataset.action === "cancel") b.disabled = !job;
      else if (b.dataset.action !== "hint" && b.dataset.action !== "solution") b.disabled = !!job;
    });
  }
  async function refresh() {
    const html = await (await fetch(location.pathname, { cache: "no-store" })).text();
    const doc = new DOMParser().parseFromString(html, "text/html");
    document.querySelectorAll("[data-refresh]").forEach((el) => {
      const fresh = doc.querySelector('[data-refresh="' + el.dataset.refresh + '"]');
      if (fresh) el.innerHTML = fresh.innerHTML;
    });
  }
  async function act(action) {
    // The code is saved before it is replaced, but a click should never be the only thing between
    // a learner and their work being swapped out.
    if (action === "reset" && !confirm("Replace your app/ with the original naive app?\n\nYour code is saved to .sdlab/backups/ first; `./sdlab reset <id> --undo` brings it back.")) return;
    const q = new URLSearchParams();
    if (action === "start" || action === "check") q.set("variant", $("#variant").value);
    if (action === "load") { q.set("seconds", $("#load-seconds").value); q.set("users", $("#load-users").value); }
    // The lab refuses a POST without the token the page was served with (another site cannot read it).
    const response = await fetch("/api/scenarios/" + encodeURIComponent(id) + "/" + action + "?" + q,
      { method: "POST", headers: { "X-CSRF-TOKEN": csrf } });
    if (response.status === 202) return;
    // Refusals (a stale token after the lab restarted) are plain text; the actions answer JSON.
    const raw = await response.text();
    let body;
    try { body = JSON.parse(raw); } catch { body = { text: raw || response.statusText }; }
    if (action === "hint" || action === "solution") {
      help.hidden = false; help.textContent = body.text;
      refresh();
    } else {
      setStatus(body.text);
    }
  }
  document.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-action]");
    if (button && !button.disabled) act(button.dataset.action);
  });

  // ---- live stream -------------------------------------------------------------------------
  const events = new EventSource("/api/events");
  const on = (type, handler) => events.addEventListener(type, (e) => handler(JSON.parse(e.data)));
  on("hello", (h) => { setBusy(h.busy); main.dataset.connected = "true"; });
  on("job", (j) => { setBusy(j.job); dash.onJob(j); });
  on("progress", dash.onProgress);
  on("sample", dash.onSample);
  on("fault", dash.onFault);
  on("server", dash.onServer);
  on("diagnosis", dash.onDiagnosis);
  on("done", (d) => {
    setBusy(null);
    dash.onDone(d);
    refresh();
  });
  setBusy(main.dataset.busy);
})();
