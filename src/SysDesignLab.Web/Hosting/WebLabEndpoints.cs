using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Running;
using SysDesignLab.Web.Live;

namespace SysDesignLab.Web.Hosting;

/// <summary>The web lab's routes: the live stream and one POST per button (the pages are in <see cref="WebLabPages"/>).</summary>
public static class WebLabEndpoints
{
    public static IEndpointRouteBuilder MapWebLab(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/assets/{**path}", (string path) => StaticAssets.Serve(path));
        app.MapGet("/api/status", (LabJobs jobs) => Results.Json(new { busy = jobs.Current, last = jobs.Last }));
        app.MapGet("/api/events", (HttpContext context, LiveHub hub, LabJobs jobs) => SseEndpoint.StreamAsync(context, hub, jobs));

        var api = app.MapGroup("/api/scenarios/{id}");
        api.MapPost("/start", (string id, string? variant, WebLabContext lab, LabJobs jobs, LabActions actions) =>
            Job(jobs, "start", lab.Catalog.Find(id), (s, ct) => actions.StartAsync(s, Variant(variant), ct)));
        api.MapPost("/stop", (string id, WebLabContext lab, LabJobs jobs, LabActions actions) =>
            Job(jobs, "stop", lab.Catalog.Find(id), (_, _) => actions.StopAsync()));
        api.MapPost("/load", (string id, int? seconds, int? users, WebLabContext lab, LabJobs jobs, LabActions actions) =>
            Job(jobs, "load", lab.Catalog.Find(id), (s, ct) => actions.LoadAsync(s, seconds, users, ct)));
        api.MapPost("/check", (string id, string? variant, WebLabContext lab, LabJobs jobs, LabActions actions) =>
            Job(jobs, "check", lab.Catalog.Find(id), (s, ct) => actions.CheckAsync(s, Variant(variant), ct)));
        api.MapPost("/reset", (string id, WebLabContext lab, LabJobs jobs, LabActions actions) =>
            Job(jobs, "reset", lab.Catalog.Find(id), (s, ct) => actions.ResetAsync(s, ct)));
        api.MapPrediction();
        api.MapPost("/cancel", (LabJobs jobs) =>
        {
            jobs.Cancel();
            return Results.Accepted();
        });
        api.MapPost("/hint", (string id, WebLabContext lab) =>
        {
            if (lab.Service.Hint(lab.Catalog.Find(id)) is not { } hint)
            {
                return Results.Json(new { text = "This scenario has no hints." });
            }
            var more = hint.IsLast ? "That was the last hint." : "Press again for the next hint.";
            return Results.Json(new { text = $"Hint {hint.Number} of {hint.Count}: {hint.Text}\n\n{more}" });
        });
        api.MapPost("/solution", async (string id, WebLabContext lab, CancellationToken ct) =>
        {
            var solution = await lab.Service.SolutionAsync(lab.Catalog.Find(id), colour: false, ct);
            return solution.Unlocked
                ? Results.Json(new { text = $"The reference fix, from your app (-) to the solution (+):\n\n{solution.Diff}" })
                : Results.Json(new { text = "Not yet: the solution unlocks after your first check of your own app." }, statusCode: StatusCodes.Status409Conflict);
        });
        return app;
    }

    private static AppVariant Variant(string? value) => value == "solution" ? AppVariant.Solution : AppVariant.Learner;

    private static IResult Job(LabJobs jobs, string name, Scenario scenario, Func<Scenario, CancellationToken, Task<string>> work) =>
        jobs.TryStart(name, ct => work(scenario, ct))
            ? Results.Accepted()
            : Results.Json(new { text = $"Wait: {jobs.Current} is still running (or press Cancel)." }, statusCode: StatusCodes.Status409Conflict);
}
