using Markdig;

namespace SysDesignLab.Web.ScenarioPage;

/// <summary>
/// SCENARIO.md to HTML. Advanced extensions (tables, task lists, diagrams…): a ```mermaid block
/// becomes a `class="mermaid"` element that the vendored mermaid script draws in the browser,
/// so the same file renders here and on GitHub.
/// </summary>
public static class GuideRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static string Render(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
