using Bunit;
using SysDesignLab.Progress;
using SysDesignLab.Web.Catalog;
using SysDesignLab.Web.Tests.Pages;

namespace SysDesignLab.Web.Tests.Catalog;

public sealed class CatalogPageTests : BunitContext
{
    [Fact]
    public void Every_tier_is_listed_with_its_blurb_in_the_curriculum_order()
    {
        var cut = Render<CatalogPage>(p => p.Add(c => c.Scenarios, PageFixtures.All()).Add(c => c.Progress, new Dictionary<string, ScenarioProgress>()));
        var tiers = cut.FindAll("section.tier");
        Assert.Equal(["crawling", "walking", "running", "sprinting"], tiers.Select(t => t.GetAttribute("data-tier")));
        Assert.Contains("One server and why it breaks", tiers[0].QuerySelector("p.blurb")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("01–04", tiers[0].QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Scale a single system", tiers[1].QuerySelector("p.blurb")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Split and decouple", tiers[2].QuerySelector("p.blurb")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Apply everything to real systems", tiers[3].QuerySelector("p.blurb")!.TextContent, StringComparison.Ordinal);
        // The walking tier no longer promises what crawling teaches.
        Assert.DoesNotContain("indexes", tiers[1].QuerySelector("p.blurb")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Each_card_shows_the_learners_standing_and_the_next_scenario_is_the_first_not_passed()
    {
        var progress = new Dictionary<string, ScenarioProgress>
        {
            ["01-single-server"] = PageFixtures.Passed("01-single-server"),
            ["02-indexes"] = PageFixtures.Attempted("02-indexes", attempts: 3),
        };
        var cut = Render<CatalogPage>(p => p.Add(c => c.Scenarios, PageFixtures.All()).Add(c => c.Progress, progress));
        Assert.Equal("passed", cut.Find("article.card[data-scenario='01-single-server'] .pill").TextContent);
        Assert.Equal("attempted (3)", cut.Find("article.card[data-scenario='02-indexes'] .pill").TextContent);
        Assert.Equal("not started", cut.Find("article.card[data-scenario='03-connection-pooling'] .pill").TextContent);
        Assert.Equal("/scenarios/02-indexes", cut.Find("section.next h2 a").GetAttribute("href"));
        Assert.Contains("take the next hint", cut.Find("section.next").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tier_without_scenarios_says_they_are_coming()
    {
        var cut = Render<CatalogPage>(p => p.Add(c => c.Scenarios, [PageFixtures.Load("01-single-server")]).Add(c => c.Progress, new Dictionary<string, ScenarioProgress>()));
        Assert.Equal(3, cut.FindAll("p.coming").Count);
    }

    [Fact]
    public void A_scenario_that_does_not_load_is_shown_as_a_problem_encoded()
    {
        var cut = Render<CatalogPage>(p => p.Add(c => c.Scenarios, PageFixtures.All())
            .Add(c => c.Progress, new Dictionary<string, ScenarioProgress>())
            .Add(c => c.Problems, ["scenarios/99-x: <b>broken</b> manifest"]));
        Assert.Equal("scenarios/99-x: <b>broken</b> manifest", cut.Find("p.error").TextContent);
        Assert.Contains("&lt;b&gt;broken&lt;/b&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_with_markup_is_encoded()
    {
        var scenario = PageFixtures.WithTitle("<script>alert(1)</script> & co", out var folder);
        try
        {
            var cut = Render<CatalogPage>(p => p.Add(c => c.Scenarios, [scenario]).Add(c => c.Progress, new Dictionary<string, ScenarioProgress>()));
            Assert.DoesNotContain("<script>alert", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", cut.Markup, StringComparison.Ordinal);
            Assert.Empty(cut.FindAll("script"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
