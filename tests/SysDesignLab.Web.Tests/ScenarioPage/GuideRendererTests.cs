using SysDesignLab.Web.ScenarioPage;

namespace SysDesignLab.Web.Tests.ScenarioPage;

public sealed class GuideRendererTests
{
    [Fact]
    public void Mermaid_blocks_become_elements_the_mermaid_script_draws()
    {
        var html = GuideRenderer.Render("""
            # Title

            ```mermaid
            flowchart LR
                A --> B
            ```
            """);
        Assert.Contains("class=\"mermaid\"", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"mermaid\">flowchart LR", html, StringComparison.Ordinal);
        Assert.DoesNotContain("language-mermaid", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_and_code_render_as_html()
    {
        var html = GuideRenderer.Render("| a | b |\n|---|---|\n| 1 | 2 |\n\n```sql\nSELECT 1\n```");
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("language-sql", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_01_guide_renders_its_diagram()
    {
        var root = Orchestration.LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
        var html = GuideRenderer.Render(File.ReadAllText(Path.Combine(root, "scenarios", "01-single-server", "SCENARIO.md")));
        Assert.Contains("class=\"mermaid\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reflection_questions_are_found_by_their_heading_and_anchor()
    {
        var guide = GuideRenderer.Read("# Guide\n\n## Stuck?\n\nAsk.\n\n## Reflection questions\n\n- Why?\n\n## Going further\n");
        Assert.Equal(new GuideHeading("reflection-questions", "Reflection questions"), guide.Reflection);
        Assert.Contains("<h2 id=\"reflection-questions\">", guide.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guide_without_reflection_questions_has_none()
    {
        Assert.Null(GuideRenderer.Read("# Guide\n\n## Stuck?\n").Reflection);
    }
}
