using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SysDesignLab.Scenarios;
using SysDesignLab.Web.Catalog;
using SysDesignLab.Web.Glossary;
using SysDesignLab.Web.Live;
using SysDesignLab.Web.Reports;
using SysDesignLab.Web.ScenarioPage;

namespace SysDesignLab.Web.Hosting;

/// <summary>
/// The web lab's pages: Razor components rendered on the server (static SSR), each endpoint
/// gathering what its page shows first, so a lab error is still a one-line message.
/// </summary>
public static class WebLabPages
{
    public static IEndpointRouteBuilder MapWebLabPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (WebLabContext lab) =>
        {
            var scan = lab.Catalog.Scan();
            return new RazorComponentResult<CatalogPage>(new { scan.Scenarios, Progress = lab.Store.GetAll(), scan.Problems });
        });
        app.MapGet("/scenarios/{id}", async (string id, HttpContext context, IAntiforgery antiforgery, WebLabContext lab, LabJobs jobs, CancellationToken ct) =>
        {
            var scenario = lab.Catalog.Find(id);
            var guide = File.Exists(scenario.GuidePath) ? GuideRenderer.Read(await File.ReadAllTextAsync(scenario.GuidePath, ct)) : Guide.Missing;
            return new RazorComponentResult<ScenarioPageView>(new
            {
                Scenario = scenario,
                Progress = lab.Store.Get(scenario.Id),
                Guide = guide,
                Environment = await EnvironmentSnapshot.ReadAsync(scenario, lab.Paths, ct),
                Report = ReportData.From(lab.Service.Record(scenario), scenario.Title),
                Busy = jobs.Current,
                // The page's buttons send this token back; RequestGuard refuses a POST without it.
                CsrfToken = antiforgery.GetAndStoreTokens(context).RequestToken,
                Next = NextAfter(scenario, lab.Catalog.Scan().Scenarios),
            });
        });
        app.MapGet("/scenarios/{id}/report", (string id, WebLabContext lab) =>
        {
            var scenario = lab.Catalog.Find(id);
            var data = ReportData.From(lab.Service.Record(scenario), $"{scenario.Number} · {scenario.Title}");
            return new RazorComponentResult<ReportDocument>(new { Data = data, GeneratedAt = lab.Time.GetUtcNow() });
        });
        app.MapGet("/glossary", async (WebLabContext lab, CancellationToken ct) =>
        {
            var path = GlossaryFile.PathIn(lab.Paths);
            var html = File.Exists(path) ? GuideRenderer.Render(await File.ReadAllTextAsync(path, ct)) : null;
            return new RazorComponentResult<GlossaryPage>(new { Html = html, Path = path }) { StatusCode = html is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK };
        });
        return app;
    }

    /// <summary>The scenario after <paramref name="scenario"/> in the catalog's order, or null for the last.</summary>
    public static Scenario? NextAfter(Scenario scenario, IReadOnlyList<Scenario> all) =>
        all.OrderBy(s => s.Manifest.Order).ThenBy(s => s.Id, StringComparer.Ordinal)
            .SkipWhile(s => s.Id != scenario.Id).Skip(1).FirstOrDefault();
}
