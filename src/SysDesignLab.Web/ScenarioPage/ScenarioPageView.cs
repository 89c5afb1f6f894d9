using SysDesignLab.Progress;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Lab;
using SysDesignLab.Web.Html;
using static SysDesignLab.Web.Html.Html;

namespace SysDesignLab.Web.ScenarioPage;

/// <summary>
/// GET /scenarios/{id}: the guide on the left; controls, live charts, environment and attempts on
/// the right, so at 1366×768 the exercise and the moving numbers are on one screen.
/// Sections marked data-refresh are re-read by the page after each action.
/// </summary>
internal static class ScenarioPageView
{
    public static string Render(Scenario scenario, ScenarioProgress progress, string guideHtml, string environmentHtml, string reportHtml, string? busy, string? csrfToken = null)
    {
        var canReveal = LabService.SolutionUnlocked(progress);
        var revealReason = canReveal ? "" : "Unlocks after your first check: try it yourself once.";
        var body = $"""
            <main class="scenario" data-scenario="{E(scenario.Id)}" data-number="{E(scenario.Number)}" data-busy="{E(busy)}">
              <article class="guide" id="guide">{guideHtml}</article>
              <aside class="panel">
                <section class="controls" id="controls">
                  <div class="row">
                    <select id="variant" title="which app Start and Check use"><option value="learner">your app</option><option value="solution">reference solution</option></select>
                    <button id="btn-start" data-action="start">Start</button>
                    <button id="btn-stop" data-action="stop">Stop</button>
                    <button id="btn-reset" data-action="reset" title="put the original app back and hide the hints">Reset</button>
                  </div>
                  <div class="row">
                    <label>for <input id="load-seconds" type="number" min="1" max="600" value="{scenario.LoadProfile.Duration.TotalSeconds:0}"> s</label>
                    <label>users <input id="load-users" type="number" min="1" max="2000" value="{scenario.LoadProfile.VirtualUsers}"></label>
                    <button id="btn-load" data-action="load" class="primary">Run load</button>
                    <button id="btn-check" data-action="check" class="primary">Run check</button>
                    <button id="btn-cancel" data-action="cancel" title="stop the running load or check">Cancel</button>
                  </div>
                  <div class="row" data-refresh="help">
                    <button id="btn-hint" data-action="hint">Next hint ({progress.HintsShown}/{scenario.Hints.Count} shown)</button>
                    <button id="btn-solution" data-action="solution" {(canReveal ? "" : "disabled")} title="{E(revealReason)}">Reveal solution</button>
                    <span class="reason" id="reveal-reason">{E(revealReason)}</span>
                  </div>
                  <div id="status" class="status" aria-live="polite">{(busy is null ? "Ready." : $"Running: {E(busy)}…")}</div>
                  <pre id="help" class="help" hidden></pre>
                </section>
                <section class="dashboard" id="dashboard" data-load-timeout-ms="{scenario.LoadProfile.RequestTimeout.TotalMilliseconds:0}" data-check-timeout-ms="{scenario.CheckProfile.RequestTimeout.TotalMilliseconds:0}">
                  <div class="tiles" id="tiles">
                    <div id="tile-rps"><b id="t-rps">–</b><span><a href="/glossary#goodput" target="_blank" rel="noopener" title="Goodput: requests that succeeded, per second. Failed requests never count here.">ok req/s</a></span></div>
                    <div id="tile-success"><b id="t-success">–</b><span><a href="/glossary#success-rate" target="_blank" rel="noopener" title="Share of requests that got a correct answer in time: green from 99%, amber from 90%, red below.">success</a></span></div>
                    <div><b id="t-p50">–</b><span><a href="/glossary#p50" target="_blank" rel="noopener" title="Median latency: half the requests took less than this.">p50</a></span></div>
                    <div><b id="t-p95">–</b><span><a href="/glossary#p95" target="_blank" rel="noopener" title="95% of the requests took less than this; 1 in 20 took longer.">p95</a></span></div>
                    <div><b id="t-p99">–</b><span><a href="/glossary#p99" target="_blank" rel="noopener" title="99% of the requests took less than this: the slow tail users notice.">p99</a></span></div>
                    <div id="tile-errors"><b id="t-errors">–</b><span><a href="/glossary#errors-per-second" target="_blank" rel="noopener" title="Requests that failed per second: timed out, wrong answer, refused connection or a 5xx.">failed/s</a></span></div>
                    <div><b id="t-pool">–</b><span><a href="/glossary#pool-used" target="_blank" rel="noopener" title="Database connections the app's pool has handed out right now, of its maximum (from the app's /metrics).">pool used</a></span></div>
                    <div><b id="t-queue">–</b><span><a href="/glossary#thread-pool-queue" target="_blank" rel="noopener" title="Work items waiting for a .NET thread-pool thread (from the app's /metrics): a growing queue means the app cannot keep up.">tp queue</a></span></div>
                  </div>
                  <div class="run-label" id="run-label">No run yet: press Run load.</div>
                  <div class="totals" id="totals" hidden></div>
                  <div class="charts">
                    <div class="chart" id="chart-rps" data-points="0"></div>
                    <div class="chart" id="chart-latency" data-points="0"></div>
                    <div class="chart" id="chart-errors" data-points="0"></div>
                    <div class="chart" id="chart-server" data-points="0"></div>
                  </div>
                  <section class="diagnosis" id="diagnosis" data-samples="0">
                    <h3>Diagnosis from outside the app <span class="muted small" title="Read by the lab once a second from /proc and from PostgreSQL's own views, never through the app: it works when the app is too busy to answer.">the lab reads /proc and PostgreSQL directly</span></h3>
                    <div class="diag-tiles" id="diag-tiles"><span class="muted">Appears while a load or check runs.</span></div>
                    <div class="diag-summary" id="diag-summary"></div>
                    <div class="chart" id="chart-diagnosis" data-points="0"></div>
                    <table class="queries" id="diag-queries" hidden>
                      <caption id="diag-count"></caption>
                      <thead><tr>
                        <th><a href="/glossary#query-state" target="_blank" rel="noopener" title="active: running a query; idle: connected, doing nothing; idle in transaction: holding a transaction open.">state</a></th>
                        <th><a href="/glossary#wait-event" target="_blank" rel="noopener" title="What an active query is waiting for instead of running (a lock, I/O, the client); empty means it is using the CPU.">wait event</a></th>
                        <th title="How long the query has been running (for idle sessions: how long they have been idle).">for</th>
                        <th>query</th>
                      </tr></thead>
                      <tbody></tbody>
                    </table>
                  </section>
                  <script src="/assets/dashboard.js"></script>
                </section>
                <section id="environment" data-refresh="environment"><h2>Environment</h2>{environmentHtml}</section>
                <section id="attempts" data-refresh="attempts"><h2>Attempts <a class="small" href="/scenarios/{E(scenario.Id)}/report" target="_blank">open the shareable report</a></h2>{reportHtml}</section>
              </aside>
            </main>
            """;
        const string scripts = """
            <script src="/assets/vendor/uplot/uPlot.iife.min.js"></script>
            <script src="/assets/vendor/mermaid/mermaid.min.js"></script>
            <script src="/assets/lab.js"></script>
            """;
        return Layout.Render($"{scenario.Number} · {scenario.Title}", body, "<link rel=\"stylesheet\" href=\"/assets/vendor/uplot/uPlot.min.css\">", scripts, csrfToken);
    }
}
