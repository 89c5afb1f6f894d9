using Bunit;
using SysDesignLab.Web.Hosting;
using SysDesignLab.Web.ScenarioPage;
using SysDesignLab.Web.Tests.Pages;

namespace SysDesignLab.Web.Tests.ScenarioPage;

public sealed class NextStepTests : BunitContext
{
    [Fact]
    public void Nothing_shows_before_a_pass()
    {
        var cut = Render<NextStep>(p => p.Add(c => c.Passed, false).Add(c => c.Reflection, new GuideHeading("going-further", "Going further")));
        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public void The_last_scenario_points_back_to_the_catalog()
    {
        var cut = Render<NextStep>(p => p.Add(c => c.Passed, true).Add(c => c.Reflection, null).Add(c => c.Next, null));
        Assert.Empty(cut.FindAll("#next-reflection"));
        Assert.Empty(cut.FindAll("#next-scenario"));
        Assert.Equal("/", cut.Find("#next-step a").GetAttribute("href"));
    }

    [Fact]
    public void The_next_scenario_follows_the_catalog_order()
    {
        var all = PageFixtures.All();
        Assert.Equal("02-indexes", WebLabPages.NextAfter(all.Single(s => s.Id == "01-single-server"), all)?.Id);
        var last = all.OrderBy(s => s.Manifest.Order).ThenBy(s => s.Id, StringComparer.Ordinal).Last();
        Assert.Null(WebLabPages.NextAfter(last, all));
    }

    [Theory]
    [InlineData("01-single-server")]
    [InlineData("02-indexes")]
    [InlineData("03-connection-pooling")]
    [InlineData("04-horizontal-scaling")]
    public void Every_guide_has_reflection_questions_to_link_to(string id)
    {
        var guide = GuideRenderer.Read(File.ReadAllText(PageFixtures.Load(id).GuidePath));
        Assert.NotNull(guide.Reflection);
        Assert.Contains($"id=\"{guide.Reflection.Id}\"", guide.Html, StringComparison.Ordinal);
    }
}
