using System.Text.RegularExpressions;
using SysDesignLab.Orchestration;
using SysDesignLab.Web.ScenarioPage;

namespace SysDesignLab.Web.Tests.Guides;

/// <summary>
/// The learner-facing writing, rendered the way the web lab renders it: the glossary anchors the
/// dashboard links to, the guides' links, prediction step and folds.
/// </summary>
public sealed partial class GuideContentTests
{
    private static readonly string Root = LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;

    // The dashboard and the guides link /glossary#<anchor>; renaming a heading breaks those links.
    public static TheoryData<string> DashboardAnchors => new(
        "success-rate", "goodput", "throughput", "latency", "percentile", "p50", "p95", "p99", "timeout",
        "errors-per-second", "wrong-body", "connection-error", "server-error-5xx", "pool-used", "connection-pool",
        "thread-pool-queue", "threads", "gc-per-second", "heap-mb", "cpu", "active-queries", "query-state",
        "wait-event", "rows-read", "sequential-scan", "index", "connection", "connections-in-use",
        "performance-criteria", "correctness-criteria", "right-way-criteria", "baseline", "p95-vs-baseline",
        "warm-up", "virtual-users", "littles-law", "stateless", "sticky-sessions", "prediction");

    [Theory]
    [MemberData(nameof(DashboardAnchors))]
    public void Glossary_has_the_anchor_the_dashboard_links(string anchor)
    {
        var html = GuideRenderer.Render(File.ReadAllText(Path.Combine(Root, "docs", "glossary.md")));
        Assert.Contains($"<h2 id=\"{anchor}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_link_inside_the_glossary_points_at_one_of_its_terms()
    {
        var html = GuideRenderer.Render(File.ReadAllText(Path.Combine(Root, "docs", "glossary.md")));
        var ids = HeadingId().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        var broken = LocalLink().Matches(html).Select(m => m.Groups[1].Value).Where(a => !ids.Contains(a)).ToList();
        Assert.Empty(broken);
    }

    [Fact]
    public void Every_guide_links_the_glossary_and_folds_its_exact_change()
    {
        foreach (var guide in Guides())
        {
            var html = GuideRenderer.Render(File.ReadAllText(guide));
            var name = Path.GetFileName(Path.GetDirectoryName(guide));
            Assert.True(html.Contains("docs/glossary.md", StringComparison.Ordinal), $"{name} does not link the glossary");
            var fold = html.IndexOf("Try it first", StringComparison.Ordinal);
            Assert.True(fold > 0, $"{name} has no \"Try it first\" fold");
            var end = html.IndexOf("</details>", fold, StringComparison.Ordinal);
            // Markdown inside <details> renders only after a blank line: code blocks, not raw backticks.
            Assert.True(html.IndexOf("<pre><code", fold, StringComparison.Ordinal) is var code && code > fold && code < end,
                $"{name}'s fold holds no rendered code block");
        }
    }

    [Fact]
    public void Every_guide_asks_for_a_prediction_before_the_first_load_and_fills_its_results_from_the_lab()
    {
        foreach (var guide in Guides())
        {
            var text = File.ReadAllText(guide);
            var id = Path.GetFileName(Path.GetDirectoryName(guide))![..2];
            var predict = text.IndexOf($"./sdlab predict {id}", StringComparison.Ordinal);
            var load = text.IndexOf($"./sdlab load {id}\n", StringComparison.Ordinal);
            Assert.True(predict > 0 && predict < load, $"{id}: no `sdlab predict {id}` before the first `sdlab load {id}`");
            Assert.Contains($"./sdlab report {id} --table", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_document_links_outside_the_repository()
    {
        var docs = Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
            .Concat(Guides()).Append(Path.Combine(Root, "README.md"));
        var outside = docs.Where(d => OutsideLink().IsMatch(File.ReadAllText(d))).Select(Path.GetFileName).ToList();
        Assert.Empty(outside);
    }

    private static IEnumerable<string> Guides() =>
        Directory.GetDirectories(Path.Combine(Root, "scenarios")).Select(d => Path.Combine(d, "SCENARIO.md")).Where(File.Exists);

    [GeneratedRegex("<h2 id=\"([^\"]+)\"")]
    private static partial Regex HeadingId();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex LocalLink();

    [GeneratedRegex(@"\.\./shared/|/work/")]
    private static partial Regex OutsideLink();
}
