using Bunit;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios;
using SysDesignLab.Web.ScenarioPage;
using SysDesignLab.Web.Tests.Pages;

namespace SysDesignLab.Web.Tests.ScenarioPage;

public sealed class ScenarioPageViewTests : BunitContext
{
    private static readonly Scenario Single = PageFixtures.Load("01-single-server");

    private IRenderedComponent<ScenarioPageView> RenderPage(ScenarioProgress progress, Scenario? scenario = null, string? busy = null, Scenario? next = null)
    {
        scenario ??= Single;
        return Render<ScenarioPageView>(p => p
            .Add(c => c.Scenario, scenario)
            .Add(c => c.Progress, progress)
            .Add(c => c.Guide, GuideRenderer.Read("# Guide\n\n## Going further\n\n- Why?"))
            .Add(c => c.Environment, PageFixtures.Stopped(scenario))
            .Add(c => c.Report, progress.Passed ? PageFixtures.OnePass(scenario) : PageFixtures.NoAttempts(scenario))
            .Add(c => c.Busy, busy)
            .Add(c => c.CsrfToken, "token+/=")
            .Add(c => c.Next, next));
    }

    [Fact]
    public void The_page_keeps_every_element_lab_js_reads()
    {
        var cut = RenderPage(PageFixtures.NotStarted(Single.Id));
        foreach (var id in new[]
        {
            "guide", "controls", "variant", "btn-start", "btn-stop", "btn-reset", "load-seconds", "load-users", "btn-load", "btn-check",
            "btn-cancel", "btn-hint", "btn-solution", "reveal-reason", "status", "help", "dashboard", "tiles", "run-label",
            "chart-rps", "chart-latency", "chart-errors", "chart-server", "environment", "attempts",
        })
        {
            Assert.NotNull(cut.Find($"#{id}"));
        }
        var main = cut.Find("main.scenario");
        Assert.Equal("01-single-server", main.GetAttribute("data-scenario"));
        Assert.Equal("01", main.GetAttribute("data-number"));
        Assert.Equal("", main.GetAttribute("data-busy"));
        Assert.Equal(["help", "environment", "attempts"], cut.FindAll("[data-refresh]").Select(e => e.GetAttribute("data-refresh")));
        Assert.Equal("token+/=", cut.Find("meta[name=csrf-token]").GetAttribute("content"));
        Assert.Equal(Single.LoadProfile.VirtualUsers.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("#load-users").GetAttribute("value"));
        Assert.Equal("Ready.", cut.Find("#status").TextContent);
        Assert.Contains("/assets/lab.js", cut.FindAll("script").Select(s => s.GetAttribute("src")));
    }

    [Fact]
    public void The_prediction_placeholder_sits_in_the_controls_just_above_the_status()
    {
        var cut = RenderPage(PageFixtures.NotStarted(Single.Id));
        var predict = cut.Find("#controls > #predict");
        Assert.Equal("status", predict.NextElementSibling!.Id);
        Assert.Empty(predict.ChildNodes);
    }

    [Fact]
    public void Reveal_is_disabled_with_its_reason_before_a_check()
    {
        var cut = RenderPage(PageFixtures.NotStarted(Single.Id));
        Assert.True(cut.Find("#btn-solution").HasAttribute("disabled"));
        Assert.Contains("Unlocks after your first check", cut.Find("#reveal-reason").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Reveal_is_enabled_after_a_check()
    {
        var cut = RenderPage(PageFixtures.Attempted(Single.Id));
        Assert.False(cut.Find("#btn-solution").HasAttribute("disabled"));
        Assert.Equal("", cut.Find("#reveal-reason").TextContent);
    }

    [Fact]
    public void A_running_job_is_named_in_the_status_and_the_busy_attribute()
    {
        var cut = RenderPage(PageFixtures.Attempted(Single.Id), busy: "check");
        Assert.Equal("Running: check…", cut.Find("#status").TextContent);
        Assert.Equal("check", cut.Find("main.scenario").GetAttribute("data-busy"));
    }

    [Fact]
    public void The_guide_goes_in_as_markup()
    {
        var cut = RenderPage(PageFixtures.NotStarted(Single.Id));
        Assert.Equal("Going further", cut.Find("#guide h2#going-further").TextContent);
    }

    [Fact]
    public void A_title_with_markup_is_encoded()
    {
        var scenario = PageFixtures.WithTitle("<script>alert(1)</script>", out var folder);
        try
        {
            var cut = RenderPage(PageFixtures.NotStarted(scenario.Id), scenario);
            Assert.DoesNotContain("<script>alert", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("01 · &lt;script&gt;alert(1)&lt;/script&gt;", cut.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain(cut.FindAll("script"), s => s.GetAttribute("src") is null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_next_step_ends_the_attempts_after_a_pass()
    {
        var cut = RenderPage(PageFixtures.Passed(Single.Id), next: PageFixtures.Load("02-indexes"));
        var step = cut.Find("#attempts > #next-step");
        Assert.Null(step.NextElementSibling);
        Assert.Equal("#going-further", cut.Find("#next-reflection").GetAttribute("href"));
        Assert.Equal("/scenarios/02-indexes", cut.Find("#next-scenario").GetAttribute("href"));
    }

    [Fact]
    public void There_is_no_next_step_before_a_pass()
    {
        var cut = RenderPage(PageFixtures.Attempted(Single.Id), next: PageFixtures.Load("02-indexes"));
        Assert.Empty(cut.FindAll("#next-step"));
    }
}
