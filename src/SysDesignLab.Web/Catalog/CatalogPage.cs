using System.Text;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios;
using SysDesignLab.Web.Html;
using static SysDesignLab.Web.Html.Html;

namespace SysDesignLab.Web.Catalog;

/// <summary>GET /: the curriculum by tier, each scenario with its concepts and the learner's standing, and what to do next.</summary>
internal static class CatalogPage
{
    public static readonly IReadOnlyList<(string Tier, string Blurb)> Tiers =
    [
        ("crawling", "One server, one database: requests, latency, the database doing its job."),
        ("walking", "Caches, indexes, pools, queues: the classic fixes and what they cost."),
        ("running", "Several nodes: replicas, partitions, load balancing, failure."),
        ("sprinting", "Distributed systems: consistency, consensus, the whole picture."),
    ];

    public static string Render(IReadOnlyList<Scenario> scenarios, IReadOnlyDictionary<string, ScenarioProgress> progress, IReadOnlyList<string>? problems = null)
    {
        var ordered = scenarios.OrderBy(s => s.Manifest.Order).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var next = ordered.FirstOrDefault(s => StateOf(s, progress) != ProgressState.Passed);
        var body = new StringBuilder("<main class=\"catalog\">");
        foreach (var problem in problems ?? [])
        {
            body.Append($"<p class=\"error\" role=\"alert\">{E(problem)}</p>");
        }
        body.Append("<section class=\"next\">");
        body.Append(next is null
            ? "<h2>Every scenario passed</h2><p>Well done. Re-run a check to compare against your first attempt, or share a report: <code>sdlab report &lt;id&gt;</code>.</p>"
            : $"<h2>Next: <a href=\"/scenarios/{E(next.Id)}\">{E(next.Number)} · {E(next.Title)}</a></h2><p>{E(next.Manifest.Summary)}</p>" +
              $"<p>{NextStep(next, progress)}</p>");
        body.Append("</section>");
        foreach (var (tier, blurb) in Tiers)
        {
            var inTier = ordered.Where(s => string.Equals(s.Manifest.Tier, tier, StringComparison.OrdinalIgnoreCase)).ToList();
            body.Append($"<section class=\"tier\" data-tier=\"{tier}\"><h2>{E(tier)}</h2><p class=\"muted\">{E(blurb)}</p>");
            if (inTier.Count == 0)
            {
                body.Append("<p class=\"muted coming\">Scenarios of this tier are coming.</p>");
            }
            foreach (var scenario in inTier)
            {
                body.Append(Card(scenario, progress));
            }
            body.Append("</section>");
        }
        body.Append("</main>");
        return Layout.Render("Scenarios", body.ToString());
    }

    private static ProgressState StateOf(Scenario scenario, IReadOnlyDictionary<string, ScenarioProgress> progress) =>
        progress.TryGetValue(scenario.Id, out var p) ? p.State : ProgressState.NotStarted;

    private static string NextStep(Scenario scenario, IReadOnlyDictionary<string, ScenarioProgress> progress) =>
        StateOf(scenario, progress) == ProgressState.NotStarted
            ? "Open it, press <b>Start</b>, then <b>Run load</b> and watch it fall over. Read the guide beside the charts."
            : "You have tried it: take the next hint if you are stuck, fix the app, and press <b>Run check</b> again.";

    private static string Card(Scenario scenario, IReadOnlyDictionary<string, ScenarioProgress> progress)
    {
        var state = StateOf(scenario, progress);
        var (css, label) = state switch
        {
            ProgressState.Passed => ("passed", "passed"),
            ProgressState.Attempted => ("attempted", $"attempted ({progress[scenario.Id].Attempts})"),
            _ => ("not-started", "not started"),
        };
        var concepts = string.Concat(scenario.Manifest.Concepts.Select(c => $"<li>{E(c)}</li>"));
        return $"""
            <article class="card" data-scenario="{E(scenario.Id)}">
              <h3><a href="/scenarios/{E(scenario.Id)}">{E(scenario.Number)} · {E(scenario.Title)}</a> <span class="pill {css}">{label}</span></h3>
              <p>{E(scenario.Manifest.Summary)}</p>
              <ul class="concepts">{concepts}</ul>
            </article>
            """;
    }
}
