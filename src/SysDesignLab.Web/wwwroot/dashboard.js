// The scenario page's live dashboard: charts, tiles and run totals from the load generator's
// samples, the app's own /metrics, the diagnosis the lab reads from outside the app, and the
// status box. lab.js feeds it the live stream's events.
window.createDashboard = function (main, status) {
  "use strict";
  const $ = (s) => document.querySelector(s);
  // ---- charts ------------------------------------------------------------------------------
  const dashboard = $("#dashboard");
  const errorKinds = [["timeout", "timeout"], ["connect", "connect"], ["reset", "reset"], ["serverError", "5xx"],
    ["clientError", "4xx"], ["wrongBody", "wrong body"], ["other", "other"]];
  const palette = ["#2f6fde", "#e8590c", "#2e7d32", "#c62828", "#7b1fa2", "#00838f", "#6d4c41"];
  const green = "#2e7d32", red = "#c62828", blue = "#2f6fde";
  // A metric name: a link to its glossary entry, with one line of plain English on hover.
  function term(label, anchor, tip) {
    const a = document.createElement("a");
    a.href = "/glossary#" + anchor; a.target = "_blank"; a.rel = "noopener"; a.title = tip; a.textContent = label;
    return a;
  }
  // Faults of the schedule (pause, kill, restart) as they happen: a dashed line and a label on every chart.
  let faults = [];
  function drawFaults(u) {
    const ctx = u.ctx;
    ctx.save();
    faults.forEach((f) => {
      const x = u.valToPos(f.second, "x", true);
      if (!isFinite(x) || x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
      ctx.strokeStyle = red; ctx.setLineDash([4, 3]); ctx.lineWidth = 1;
      ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
      ctx.fillStyle = red; ctx.font = "10px sans-serif"; ctx.textAlign = "left"; ctx.textBaseline = "alphabetic";
      ctx.fillText(f.label, x + 3, u.bbox.top + 10);
    });
    ctx.restore();
  }
  // The load's request timeout: a request that reaches this line has failed, however it ends.
  let timeoutMs = +dashboard.dataset.loadTimeoutMs || 0;
  function drawTimeout(u) {
    if (!timeoutMs) return;
    const ctx = u.ctx, y = u.valToPos(timeoutMs, "y", true), label = "timeout " + fmtMs(timeoutMs);
    // uPlot leaves the context aligned as its last axis label was: set what the labels need.
    ctx.save(); ctx.fillStyle = red; ctx.font = "10px sans-serif"; ctx.textAlign = "left"; ctx.textBaseline = "alphabetic";
    if (y >= u.bbox.top) {
      ctx.strokeStyle = red; ctx.setLineDash([6, 3]); ctx.lineWidth = 1;
      ctx.beginPath(); ctx.moveTo(u.bbox.left, y); ctx.lineTo(u.bbox.left + u.bbox.width, y); ctx.stroke();
      ctx.fillText(label, u.bbox.left + 4, y - 3);
    } else {
      // Every response is far below it: say where it is rather than squash the chart.
      ctx.fillText(label + " (above)", u.bbox.left + 4, u.bbox.top + 10);
    }
    ctx.restore();
  }
  function make(el, head, series, axes, scales, draw) {
    const title = document.createElement("div");
    title.className = "chart-head";
    head.forEach((part, i) => {
      if (i) title.append(" · ");
      title.append(typeof part === "string" ? part : term(part[0], part[1], part[2]));
    });
    el.append(title);
    const note = document.createElement("div");
    note.className = "chart-note"; note.hidden = true;
    el.append(note);
    const opts = {
      width: el.clientWidth || 320, height: 150, legend: { live: false }, hooks: { draw: [drawFaults].concat(draw || []) },
      // Whole seconds on x; success is a percentage, always 0-100.
      scales: Object.assign({ x: { time: false }, "%": { range: [0, 100] } }, scales || {}),
      axes: (axes || [{}, { size: 52 }]).map((a, i) => i === 0 ? Object.assign({ size: 24, incrs: [1, 2, 5, 10, 15, 30, 60, 120] }, a) : a),
      series: [{ label: "s" }].concat(series.map((s, i) => Object.assign({ stroke: palette[i % palette.length], width: 1.5, spanGaps: false }, s))),
    };
    const chart = new uPlot(opts, [[]].concat(series.map(() => [])), el);
    return { el, chart, note, data: [[]].concat(series.map(() => [])) };
  }
  // Latency from 0, up to the timeout once responses come near it, so "5,005 ms" never looks like a wiggle.
  const latencyRange = (u, min, max) => [0, Math.max(10, (max || 0) * 1.1, timeoutMs && (max || 0) > timeoutMs / 3 ? timeoutMs * 1.08 : 0)];
  const fromZero = (u, min, max) => [0, Math.max(1, (max || 0) * 1.1)];
  const charts = {
    rps: make($("#chart-rps"), [["Requests per second", "throughput", "Requests that ended each second, split into those that succeeded and those that failed."], ["success %", "success-rate", "Share of this second's requests that succeeded."]],
      [{ label: "succeeded/s", stroke: green, fill: "rgba(46,125,50,.08)" }, { label: "failed/s", stroke: red, fill: "rgba(198,40,40,.10)" }, { label: "success %", scale: "%", stroke: blue, dash: [4, 3] }],
      [{}, { size: 52 }, { scale: "%", side: 1, size: 36, grid: { show: false } }], { y: { range: fromZero } }),
    latency: make($("#chart-latency"), [["Latency (ms)", "latency", "How long requests took, from sending to the last byte, failed ones included."], ["p50", "p50", "Half the requests took less."], ["p95", "p95", "1 in 20 took longer."], ["p99", "p99", "1 in 100 took longer."]],
      [{ label: "p50" }, { label: "p95" }, { label: "p99" }], null, { y: { range: latencyRange } }, [drawTimeout]),
    errors: make($("#chart-errors"), [["Failed requests per second", "errors-per-second", "Requests that failed each second, by cause."], ["timeout", "timeout", "No answer within the load's timeout."], ["wrong body", "wrong-body", "An answer came, but not the right one."], ["5xx", "server-error-5xx", "The app answered with a server error."]],
      errorKinds.map(([, label]) => ({ label })), null, { y: { range: fromZero } }),
    server: make($("#chart-server"), [["The app's own figures (its /metrics)", "pool-used", "What the app reports about itself; a saturated app may not answer: see the diagnosis below."], ["pool used", "pool-used", "Database connections handed out by the app's pool."], ["tp queue", "thread-pool-queue", "Work waiting for a .NET thread."], ["GC/s", "gc-per-second", "Garbage collections per second."], ["heap MB", "heap-mb", "Managed memory in use after the last collection."]],
      [{ label: "pool used" }, { label: "tp queue" }, { label: "GC/s" }, { label: "heap MB", scale: "mb" }],
      [{}, { size: 52 }, { scale: "mb", side: 1, size: 40, grid: { show: false } }]),
    diagnosis: make($("#chart-diagnosis"), [["From outside the app", "cpu", "Read by the lab from /proc and PostgreSQL: works when the app cannot answer."], ["app CPU %", "cpu", "CPU the app's processes used; 100% is one core busy."], ["active queries", "active-queries", "Database sessions running a query."], ["rows read/s", "rows-read", "Rows the database read per second (right axis)."]],
      [{ label: "app CPU %" }, { label: "active queries" }, { label: "rows read/s", scale: "rows" }],
      [{}, { size: 52 }, { scale: "rows", side: 1, size: 56, grid: { show: false }, values: (u, vals) => vals.map(fmtCount) }], { y: { range: fromZero }, rows: { range: fromZero } }),
  };
  // The page shares the CPU with the app and the generator it watches, so it draws as little as it
  // can: a chart repaints at most once a second (its data is per second), and only while it is on
  // screen; one scrolled into view draws what it missed at once.
  const onScreen = new Set();
  const dirty = new Set();
  let flushAt = 0, flushTimer = 0;
  // What the page shows in words (tiles, totals, the status box) is written in the same frame as the
  // charts: the second's events arrive at different moments and would each cost a frame of their own.
  const writes = new Map();
  function later(key, write) { writes.set(key, write); schedule(); }
  function writeNow() { const all = [...writes.values()]; writes.clear(); all.forEach((w) => w()); }
  function flush() {
    flushTimer = 0; flushAt = performance.now();
    writeNow();
    dirty.forEach((c) => { if (onScreen.has(c.el)) { c.chart.setData(c.data); dirty.delete(c); } });
  }
  function schedule() {
    if (flushTimer) return;
    const wait = Math.max(0, 1000 - (performance.now() - flushAt));
    flushTimer = setTimeout(() => requestAnimationFrame(flush), wait);
  }
  function push(c, row) {
    row.forEach((v, i) => c.data[i].push(v));
    dirty.add(c);
    if (onScreen.has(c.el)) schedule();
    c.el.dataset.points = String(c.data[0].length);
  }
  function watch(rootMargin, els, shown) {
    const observer = new IntersectionObserver((entries) => {
      entries.forEach((e) => { if (e.isIntersecting) onScreen.add(e.target); else onScreen.delete(e.target); });
      if (shown) shown();
      if (dirty.size) schedule();
    }, { rootMargin });
    els.forEach((el) => observer.observe(el));
  }
  watch("0px", Object.values(charts).map((c) => c.el));
  // The diagnosis panel counts as on screen once 120 px of it are (its heading peeking in at the bottom does not).
  watch("0px 0px -120px 0px", [dashboard.querySelector("#diagnosis")], () => {
    if (pendingDiagnosis && onScreen.has(dashboard.querySelector("#diagnosis"))) renderDiagnosis(pendingDiagnosis);
  });
  // Text that did not change is not written again: every write costs the page a layout.
  function setText(el, text) { if (el.textContent !== text) el.textContent = text; }
  function clear() {
    faults = [];
    dirty.clear();
    Object.values(charts).forEach((c) => { c.data = c.data.map(() => []); c.chart.setData(c.data); c.el.dataset.points = "0"; c.note.hidden = true; });
    charts.rps.el.dataset.ok = charts.rps.el.dataset.failed = "0";
  }
  window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.chart.setSize({ width: c.el.clientWidth, height: 150 })));

  // ---- formatting --------------------------------------------------------------------------
  function fmtMs(v) { return v == null ? "–" : v >= 1000 ? (v / 1000).toFixed(2).replace(/\.?0+$/, "") + " s" : v.toFixed(v < 10 ? 1 : 0) + " ms"; }
  function fmtCount(v) { return v == null ? "–" : v >= 1e6 ? (v / 1e6).toFixed(1) + "M" : v >= 1e4 ? Math.round(v / 1e3) + "k" : Math.round(v).toLocaleString("en"); }
  const fmtSeconds = (s) => s == null ? "–" : s < 60 ? s.toFixed(s < 10 ? 1 : 0) + " s" : Math.floor(s / 60) + " min " + Math.round(s % 60) + " s";
  const fmtPct = (v) => v == null ? "–" : (v >= 99.95 || v === 0 ? v.toFixed(0) : v.toFixed(1)) + "%";
  // Success rate by threshold: what the checks ask (99%) is green, a near miss amber, the rest red.
  const level = (rate) => rate == null ? "" : rate >= 99 ? "good" : rate >= 90 ? "warn" : "bad";
  function setLevel(el, rate) {
    const want = level(rate);
    ["good", "warn", "bad"].forEach((c) => { if (c !== want && el.classList.contains(c)) el.classList.remove(c); });
    if (want && !el.classList.contains(want)) el.classList.add(want);
  }

  // ---- the run: live seconds, then its totals ---------------------------------------------
  const runNames = { load: "load", baseline: "check: naive baseline", app: "check: your app" };
  let run = null, totals = null, lastServer = 0;
  function beginRun(name) {
    if (run === name) return;
    run = name; clear();
    timeoutMs = +(name === "load" ? dashboard.dataset.loadTimeoutMs : dashboard.dataset.checkTimeoutMs) || timeoutMs;
    totals = { requests: 0, succeeded: 0, seconds: 0, errors: {}, latency: null };
    $("#tiles").dataset.final = "false";
    $("#run-label").textContent = "Live: " + (runNames[name] || name);
  }
  function causes(t) {
    const e = t.errors;
    const parts = [[e.timeout, "timeouts"], [e.wrongBody, "wrong bodies"], [e.connect, "connection errors"], [e.serverError, "5xx"]].map(([n, what]) => fmtCount(n || 0) + " " + what);
    [[e.clientError, "4xx"], [e.reset, "reset"], [e.other, "other"]].forEach(([n, what]) => { if (n) parts.push(fmtCount(n) + " " + what); });
    return parts.join(", ");
  }
  function showTotals() {
    const t = totals, el = $("#totals");
    if (!t || t.requests === 0) { el.hidden = true; return; }
    const rate = t.succeeded / t.requests * 100, failed = t.requests - t.succeeded, l = t.latency;
    const key = [t.requests, t.succeeded, causes(t), l && l.p50, l && l.p95, l && l.p99].join("|");
    if (!el.hidden && el.dataset.key === key) return;
    el.hidden = false; el.dataset.key = key;
    el.dataset.requests = String(t.requests); el.dataset.succeeded = String(t.succeeded); el.dataset.failed = String(failed);
    el.replaceChildren(
      "Run so far (warm-up excluded): ", strong(fmtCount(t.requests)), " requests · ", strong(fmtCount(t.succeeded), "ok"), " succeeded · ",
      strong(fmtCount(failed), failed ? "fail" : ""), " failed (" + causes(t) + ") · ", strong(fmtPct(rate), level(rate)), " success · p50 ",
      fmtMs(l && l.p50), " · p95 ", fmtMs(l && l.p95), " · p99 ", fmtMs(l && l.p99));
  }
  function strong(text, cls) { const b = document.createElement("b"); b.textContent = text; if (cls) b.className = cls; return b; }
  function onSample(s) {
    beginRun(s.run);
    const errors = s.errors || {};
    push(charts.rps, [s.second, s.okRps, s.failedRps, s.successRate]);
    // What the chart drew, summed, for a test (or a curious learner) to read from the element.
    charts.rps.el.dataset.ok = String(+(charts.rps.el.dataset.ok || 0) + s.okRps);
    charts.rps.el.dataset.failed = String(+(charts.rps.el.dataset.failed || 0) + s.failedRps);
    push(charts.latency, [s.second, s.p50, s.p95, s.p99]);
    push(charts.errors, [s.second].concat(errorKinds.map(([k]) => errors[k] || 0)));
    if (!s.warmUp && totals) {
      totals.requests += s.requests; totals.succeeded += s.succeeded; totals.seconds += 1;
      Object.keys(errors).forEach((k) => { totals.errors[k] = (totals.errors[k] || 0) + errors[k]; });
      if (s.total) totals.latency = s.total;
    }
    later("sample", () => {
      setText($("#t-rps"), s.okRps.toFixed(0));
      setText($("#t-success"), fmtPct(s.successRate));
      setLevel($("#tile-success"), s.successRate);
      setText($("#t-p50"), fmtMs(s.p50));
      setText($("#t-p95"), fmtMs(s.p95));
      setText($("#t-p99"), fmtMs(s.p99));
      setText($("#t-errors"), s.failedRps.toFixed(0));
      setLevel($("#tile-errors"), s.failedRps > 0 ? s.successRate : null);
      showTotals();
      // A saturated app cannot answer its own /metrics: say so where its chart stays empty.
      const silent = !(Date.now() - lastServer < 3000 || s.second < 3);
      if (charts.server.note.hidden === silent) charts.server.note.hidden = !silent;
      setText(charts.server.note, "No answer from the app's /metrics: it is too busy to answer. The diagnosis below reads it from outside.");
      setText($("#run-label"), "Live: " + (runNames[s.run] || s.run) + " · second " + s.second + (s.warmUp ? " (warm-up)" : ""));
    });
  }
  // After the run the tiles keep its totals (never "0 req/s"): what it achieved, failures counted as failures.
  function finishRun() {
    writeNow();
    const t = totals;
    if (!t || t.requests === 0) return;
    const rate = t.succeeded / t.requests * 100, l = t.latency;
    setText($("#t-rps"), (t.succeeded / Math.max(1, t.seconds)).toFixed(0));
    setText($("#t-success"), fmtPct(rate));
    setLevel($("#tile-success"), rate);
    setText($("#t-p50"), fmtMs(l && l.p50));
    setText($("#t-p95"), fmtMs(l && l.p95));
    setText($("#t-p99"), fmtMs(l && l.p99));
    setText($("#t-errors"), ((t.requests - t.succeeded) / Math.max(1, t.seconds)).toFixed(0));
    $("#tiles").dataset.final = "true";
    $("#run-label").textContent = "Finished: " + (runNames[run] || run) + " · whole-run figures over " + t.seconds + " s measured";
    $("#totals").firstChild.textContent = "Whole run (warm-up excluded): ";
  }
  function onServer(m) {
    if (run !== m.run) beginRun(m.run);
    lastServer = Date.now();
    push(charts.server, [m.t, m.poolUsed, m.threadPoolQueue, m.gcPerSecond, m.heapMb]);
    later("server", () => {
      if (!charts.server.note.hidden) charts.server.note.hidden = true;
      setText($("#t-pool"), m.poolUsed == null ? "–" : m.poolUsed + (m.poolMax ? "/" + m.poolMax : ""));
      setText($("#t-queue"), m.threadPoolQueue == null ? "–" : String(m.threadPoolQueue));
    });
  }

  // ---- diagnosis: the app's processes and its database, read by the lab from outside -------
  function tile(label, value, anchor, tip, cls) {
    const d = document.createElement("div"), b = document.createElement("b"), span = document.createElement("span");
    b.textContent = value; span.append(term(label, anchor, tip));
    if (cls) d.className = cls;
    d.append(b, span);
    return d;
  }
  function fmtFigure(f) {
    if (f.value == null) return "–";
    if (f.unit === "s") return fmtSeconds(f.value);
    return fmtCount(f.value) + (f.unit ? " " + f.unit : "");
  }
  // The panel's tiles, summary and query table are drawn only while the panel is on screen (the
  // latest second is kept and drawn when it scrolls into view); its chart and counters always follow.
  let pendingDiagnosis = null;
  function onDiagnosis(d) {
    if (run !== d.run) beginRun(d.run);
    const panel = $("#diagnosis");
    panel.dataset.samples = String(+panel.dataset.samples + 1);
    const procs = d.processes.filter((p) => p.running);
    const cpus = procs.map((p) => p.cpuPercent).filter((v) => v != null);
    const cpu = cpus.length ? cpus.reduce((a, b) => a + b, 0) : null;
    let active = null, rows = null;
    d.resources.forEach((r) => {
      if (r.problem || !r.queries) return;
      const get = (label) => (r.figures.find((f) => f.label === label) || {}).value;
      active = (active || 0) + (get("active queries") || 0);
      if (get("rows read/s") != null) rows = (rows || 0) + get("rows read/s");
    });
    push(charts.diagnosis, [d.t, cpu, active, rows]);
    pendingDiagnosis = d;
    if (onScreen.has(panel)) later("diagnosis", () => { if (pendingDiagnosis) renderDiagnosis(pendingDiagnosis); });
  }
  function renderDiagnosis(d) {
    pendingDiagnosis = null;
    const procs = d.processes.filter((p) => p.running);
    const cpus = procs.map((p) => p.cpuPercent).filter((v) => v != null);
    const cpu = cpus.length ? cpus.reduce((a, b) => a + b, 0) : null;
    const threads = procs.length ? procs.reduce((a, p) => a + (p.threads || 0), 0) : null;
    const who = procs.length > 1 ? " (" + procs.length + " processes)" : "";
    const tiles = [
      ["app CPU", cpu == null ? "–" : cpu.toFixed(0) + "%", "cpu", "CPU the app's processes used in the last second, read from /proc: 100% is one core busy" + who + "."],
      ["app threads", threads == null ? "–" : String(threads), "threads", "Threads the app's processes have, read from /proc: hundreds mean requests are waiting on something."],
    ];
    if (d.processes.length && !procs.length) tiles.push(["app", "stopped", "crash", "The app's process is not running.", "bad"]);
    let listed = [], summary = [];
    d.resources.forEach((r) => {
      if (r.problem) { tiles.push([r.name, "no answer", "connection", r.problem, "warn"]); return; }
      r.figures.forEach((f) => tiles.push([f.label, fmtFigure(f), f.term, f.tip]));
      const get = (label) => (r.figures.find((f) => f.label === label) || {}).value;
      if (r.queries) {
        listed = listed.concat(r.queries.map((q) => Object.assign({ resource: r.name }, q)));
        const longest = get("longest running");
        summary.push(r.name + ": " + fmtCount(get("active queries") || 0) + " queries running" +
          (longest ? ", the oldest for " + fmtSeconds(longest) : "") + (get("rows read/s") != null ? ", " + fmtCount(get("rows read/s")) + " rows read/s" : "") +
          ", " + fmtCount(get("connections") || 0) + " connections");
      }
    });
    showTiles($("#diag-tiles"), tiles);
    // Several processes (replicas, a load balancer): each one's share, since one hot instance is a finding.
    const perProcess = procs.length > 1 ? " (" + procs.map((p) => p.name + " " + (p.cpuPercent == null ? "–" : p.cpuPercent.toFixed(0) + "%")).join(", ") + ")" : "";
    if (cpu != null) summary.push("app CPU " + cpu.toFixed(0) + "%" + perProcess);
    setText($("#diag-summary"), summary.join(" · "));
    const table = $("#diag-queries");
    const sessions = d.resources.reduce((n, r) => n + (r.sessions || 0), 0);
    table.hidden = listed.length === 0;
    setText($("#diag-count"), sessions > listed.length ? sessions + " sessions; the " + listed.length + " running longest:" : sessions + " sessions:");
    table.tBodies[0].replaceChildren(...listed.map((q) => {
      const tr = document.createElement("tr");
      tr.className = q.state === "active" ? "active" : "idle";
      const text = q.query.length > 80 ? q.query.slice(0, 79) + "…" : q.query;
      [q.state, q.waitEvent || "", fmtSeconds(q.seconds), text].forEach((v, i) => {
        const td = document.createElement("td"); td.textContent = v;
        if (i === 3) { td.title = q.query; td.className = "sql"; }
        tr.append(td);
      });
      return tr;
    }));
  }
  // Tiles keep their elements while the same figures come each second: only values that changed are written.
  function showTiles(box, tiles) {
    const key = tiles.map((t) => t[0] + "|" + (t[4] || "") + "|" + t[3]).join("\n");
    if (box.dataset.key !== key) {
      box.dataset.key = key;
      box.replaceChildren(...tiles.map(([label, value, anchor, tip, cls]) => tile(label, value, anchor, tip, cls)));
      return;
    }
    tiles.forEach((t, i) => setText(box.children[i].firstChild, t[1]));
  }

  // ---- the status line: what runs, how long it should take, how it ended --------------------
  function setStatus(text, cls) {
    writes.delete("progress");
    status.replaceChildren(text);
    status.className = "status" + (cls ? " " + cls : "");
  }
  function onProgress(p) { later("progress", () => showProgress(p)); }
  function showProgress(p) {
    if (p.step == null) { status.replaceChildren(p.text || ""); status.className = "status running"; return; }
    const elapsed = p.elapsedSeconds || 0, estimate = p.estimateSeconds;
    let text = p.step + " · " + fmtSeconds(elapsed);
    if (estimate) {
      const left = estimate - elapsed;
      text += left > 1 ? " · about " + fmtSeconds(left) + " left" : " · a little longer than usual";
    }
    if (p.basis) text += " (" + p.basis + ")";
    const bar = document.createElement("div"), fill = document.createElement("i");
    bar.className = "progress" + (estimate ? "" : " unknown");
    if (estimate) fill.style.width = Math.min(100, elapsed / estimate * 100).toFixed(1) + "%";
    bar.append(fill);
    status.replaceChildren(text, bar);
    status.className = "status running";
  }
  // The box's colour is the run's outcome: a load that ended with 0% success is red, whatever else went fine.
  function outcome(d) {
    if (!d.ok || /^(FAILED|CRASHED)/.test(d.message)) return "failed";
    if (d.job === "load") {
      const m = /([\d.]+)% success/.exec(d.message);
      const rate = totals && totals.requests ? totals.succeeded / totals.requests * 100 : m ? +m[1] : null;
      return level(rate) === "good" ? "ok" : level(rate) === "warn" ? "warn" : rate == null ? "ok" : "failed";
    }
    return "ok";
  }

  function onJob(j) {
    // A new action: its first sample starts fresh charts and totals, even under the same run name.
    if (j.job === "load" || j.job === "check") run = null;
    setStatus("Running: " + j.job + "…", "running");
  }
  function onFault(f) {
    beginRun(f.run);
    faults.push({ second: f.second, label: f.label });
    Object.values(charts).forEach((c) => c.chart.redraw(false));
    setStatus(f.text, "running");
  }
  function onDone(d) {
    if (d.job === "load" || d.job === "check") finishRun();
    setStatus(d.message, outcome(d));
    main.dataset.outcome = outcome(d);
  }
  return { setStatus, onJob, onProgress, onSample, onFault, onServer, onDiagnosis, onDone };
};
