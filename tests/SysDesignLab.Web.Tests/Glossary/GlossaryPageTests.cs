using Bunit;
using SysDesignLab.Web.Glossary;
using SysDesignLab.Web.ScenarioPage;

namespace SysDesignLab.Web.Tests.Glossary;

public sealed class GlossaryPageTests : BunitContext
{
    private const string Markdown = """
        # Glossary

        ## p95

        95 of 100 requests were faster than this.

        ## Goodput

        Requests per second that **succeeded**.

        ## tp queue (thread-pool queue)

        Work waiting for a thread.
        """;

    [Fact]
    public void Each_term_is_a_heading_the_dashboard_can_link_to()
    {
        var cut = Render<GlossaryPage>(p => p.Add(c => c.Html, GuideRenderer.Render(Markdown)).Add(c => c.Path, "docs/glossary.md"));
        Assert.Equal("p95", cut.Find("#glossary h2#p95").TextContent);
        Assert.Equal("Goodput", cut.Find("#glossary h2#goodput").TextContent);
        Assert.Equal("tp queue (thread-pool queue)", cut.Find("#glossary h2#tp-queue-thread-pool-queue").TextContent);
        Assert.Equal("succeeded", cut.Find("#glossary strong").TextContent);
        Assert.Equal("Glossary · SysDesign Lab", cut.Find("title").TextContent);
    }

    [Fact]
    public void A_missing_glossary_says_where_the_lab_looked()
    {
        var cut = Render<GlossaryPage>(p => p.Add(c => c.Html, null).Add(c => c.Path, "/repo/docs/glossary.md"));
        Assert.Contains("Glossary not found", cut.Find("#glossary-missing").TextContent, StringComparison.Ordinal);
        Assert.Contains("/repo/docs/glossary.md", cut.Find("#glossary-missing").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#glossary"));
    }
}
