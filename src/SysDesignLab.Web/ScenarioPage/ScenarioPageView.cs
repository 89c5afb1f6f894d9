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
                <section class="dashboard" id="dashboard">
                  <div class="tiles" id="tiles">
                    <div><b id="t-rps">–</b><span>req/s</span></div>
                    <div><b id="t-success">–</b><span>success</span></div>
                    <div><b id="t-p50">–</b><span>p50</span></div>
                    <div><b id="t-p95">–</b><span>p95</span></div>
                    <div><b id="t-p99">–</b><span>p99</span></div>
                    <div><b id="t-errors">–</b><span>errors/s</span></div>
                    <div><b id="t-pool">–</b><span>pool used</span></div>
                    <div><b id="t-queue">–</b><span>tp queue</span></div>
                  </div>
                  <div class="run-label" id="run-label">No run yet: press Run load.</div>
                  <div class="charts">
                    <div class="chart" id="chart-rps" data-points="0"></div>
                    <div class="chart" id="chart-latency" data-points="0"></div>
                    <div class="chart" id="chart-errors" data-points="0"></div>
                    <div class="chart" id="chart-server" data-points="0"></div>
                  </div>
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
