using SysDesignLab.Web.Html;

namespace SysDesignLab.Web.Reports;

public partial class ReportDocument
{
    /// <summary>The report file's HTML: the web lab's own components, rendered outside a request.</summary>
    public static Task<string> RenderAsync(ReportData data, DateTimeOffset generatedAt) =>
        PageRenderer.RenderAsync<ReportDocument>(new Dictionary<string, object?>
        {
            [nameof(Data)] = data,
            [nameof(GeneratedAt)] = generatedAt,
        });

    /// <summary>
    /// For callers that are not async. These components have no async lifecycle, so the renderer
    /// completes before it returns and the wait blocks nothing.
    /// </summary>
    public static string Render(ReportData data, DateTimeOffset generatedAt) =>
        RenderAsync(data, generatedAt).GetAwaiter().GetResult();
}
