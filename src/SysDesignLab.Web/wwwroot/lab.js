// The scenario page: buttons post to /api, the live stream (/api/events) feeds uPlot charts.
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

  // ---- charts ------------------------------------------------------------------------------
  const errorKinds = [["timeout", "timeout"], ["connect", "connect"], ["reset", "reset"], ["serverError", "5xx"],
    ["clientError", "4xx"], ["wrongBody", "wrong body"], ["other", "other"]];
  const palette = ["#2f6fde", "#e8590c", "#2e7d32", "#c62828", "#7b1fa2", "#00838f", "#6d4c41"];
  // Faults of the schedule (pause, kill, restart) as they happen: a dashed line and a label on every chart.
  let faults = [];
  function drawFaults(u) {
    const ctx = u.ctx;
    ctx.save();
    faults.forEach((f) => {
      const x = u.valToPos(f.second, "x", true);
      if (!isFinite(x) || x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
      ctx.strokeStyle = "#c62828"; ctx.setLineDash([4, 3]); ctx.lineWidth = 1;
      ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
      ctx.fillStyle = "#c62828"; ctx.font = "10px sans-serif"; ctx.fillText(f.label, x + 3, u.bbox.top + 10);
    });
    ctx.restore();
  }
  function make(el, title, series, axes) {
    const opts = {
      title, width: el.clientWidth || 320, height: 150, legend: { live: false }, hooks: { draw: [drawFaults] },
      // Whole seconds on x; success is a percentage, always 0-100.
      scales: { x: { time: false }, "%": { range: [0, 100] } },
      axes: (axes || [{}, { size: 52 }]).map((a, i) => i === 0 ? Object.assign({ size: 24, incrs: [1, 2, 5, 10, 15, 30, 60, 120] }, a) : a),
      series: [{ label: "s" }].concat(series.map((s, i) => Object.assign({ stroke: palette[i % palette.length], width: 1.5, spanGaps: false }, s))),
    };
    const chart = new uPlot(opts, [[]].concat(series.map(() => [])), el);
    return { el, chart, data: [[]].concat(series.map(() => [])) };
  }
  const charts = {
    rps: make($("#chart-rps"), "Throughput", [{ label: "req/s" }, { label: "success %", scale: "%" }],
      [{}, { size: 52 }, { scale: "%", side: 1, size: 36, grid: { show: false } }]),
    latency: make($("#chart-latency"), "Latency (ms)", [{ label: "p50" }, { label: "p95" }, { label: "p99" }]),
    errors: make($("#chart-errors"), "Errors per second", errorKinds.map(([, label]) => ({ label }))),
    server: make($("#chart-server"), "Server (/metrics)", [{ label: "pool used" }, { label: "tp queue" }, { label: "GC/s" }, { label: "heap MB", scale: "mb" }],
      [{}, { size: 52 }, { scale: "mb", side: 1, size: 40, grid: { show: false } }]),
  };
  function push(c, row) {
    row.forEach((v, i) => c.data[i].push(v));
    c.chart.setData(c.data);
    c.el.dataset.points = String(c.data[0].length);
  }
  function clear() {
    faults = [];
    Object.values(charts).forEach((c) => { c.data = c.data.map(() => []); c.chart.setData(c.data); c.el.dataset.points = "0"; });
  }
  window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.chart.setSize({ width: c.el.clientWidth, height: 150 })));

  const runNames = { load: "load", baseline: "check: naive baseline", app: "check: your app" };
  let run = null;
  function beginRun(name) {
    if (run === name) return;
    run = name; clear();
    $("#run-label").textContent = "Live: " + (runNames[name] || name);
  }
  const fmtMs = (v) => v == null ? "–" : v >= 1000 ? (v / 1000).toFixed(2) + " s" : v.toFixed(v < 10 ? 1 : 0) + " ms";
  function onSample(s) {
    beginRun(s.run);
    const errors = s.errors || {};
    const total = errorKinds.reduce((n, [k]) => n + (errors[k] || 0), 0);
    push(charts.rps, [s.second, s.rps, s.successRate]);
    push(charts.latency, [s.second, s.p50, s.p95, s.p99]);
    push(charts.errors, [s.second].concat(errorKinds.map(([k]) => errors[k] || 0)));
    $("#t-rps").textContent = s.rps.toFixed(0);
    $("#t-success").textContent = s.successRate == null ? "–" : s.successRate.toFixed(1) + "%";
    $("#t-p50").textContent = fmtMs(s.p50);
    $("#t-p95").textContent = fmtMs(s.p95);
    $("#t-p99").textContent = fmtMs(s.p99);
    $("#t-errors").textContent = String(total);
    $("#run-label").textContent = "Live: " + (runNames[s.run] || s.run) + " · second " + s.second + (s.warmUp ? " (warm-up)" : "");
  }
  function onServer(m) {
    if (run !== m.run) beginRun(m.run);
    push(charts.server, [Math.round(m.t), m.poolUsed, m.threadPoolQueue, m.gcPerSecond, m.heapMb]);
    $("#t-pool").textContent = m.poolUsed == null ? "–" : m.poolUsed + (m.poolMax ? "/" + m.poolMax : "");
    $("#t-queue").textContent = m.threadPoolQueue == null ? "–" : String(m.threadPoolQueue);
  }

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
      status.textContent = body.text;
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
  on("job", (j) => { setBusy(j.job); status.textContent = "Running: " + j.job + "…"; });
  on("progress", (p) => { status.textContent = p.text; });
  on("sample", onSample);
  on("fault", (f) => {
    beginRun(f.run);
    faults.push({ second: f.second, label: f.label });
    Object.values(charts).forEach((c) => c.chart.redraw(false));
    status.textContent = f.text;
  });
  on("server", onServer);
  on("done", (d) => {
    setBusy(null);
    status.textContent = d.message;
    // A check that ran fine but failed its criteria is still bad news for the learner.
    status.className = "status " + (d.ok && !/^FAILED/.test(d.message) ? "ok" : "failed");
    refresh();
  });
  setBusy(main.dataset.busy);
})();
