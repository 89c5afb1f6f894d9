using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SysDesignLab.Web.ScenarioPage;

/// <summary>
/// SCENARIO.md (and docs/glossary.md) to HTML. Advanced extensions (tables, task lists, diagrams,
/// heading ids…): a ```mermaid block becomes a `class="mermaid"` element that the vendored mermaid
/// script draws in the browser, so the same file renders here and on GitHub.
/// </summary>
public static class GuideRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static string Render(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>The guide's HTML and where its reflection questions start, for the link a pass shows.</summary>
    public static Guide Read(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var reflection = document.Descendants<HeadingBlock>()
            .Where(h => h.Level == 2)
            .Select(h => new GuideHeading(h.GetAttributes().Id ?? "", Text(h)))
            .FirstOrDefault(h => h.Id.Length > 0 && IsReflection(h.Text));
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new Guide(writer.ToString(), reflection);
    }

    // The guides end with questions to think about after a pass, under a heading such as
    // "Going further" or "Reflection questions"; the first such level-2 heading is the one.
    private static readonly string[] ReflectionWords = ["reflect", "going further", "question"];

    private static bool IsReflection(string heading) =>
        ReflectionWords.Any(word => heading.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static string Text(HeadingBlock heading) =>
        string.Concat(heading.Inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? []);
}

/// <summary>A rendered guide; <paramref name="Reflection"/> is null when it has no reflection questions.</summary>
public sealed record Guide(string Html, GuideHeading? Reflection)
{
    public static Guide Missing { get; } = new("<p>This scenario has no SCENARIO.md.</p>", null);
}

/// <summary>A heading and its anchor (Markdig's auto-identifier: `## Going further` → `going-further`).</summary>
public sealed record GuideHeading(string Id, string Text);
