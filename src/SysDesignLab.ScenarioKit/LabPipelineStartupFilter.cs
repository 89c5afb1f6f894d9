using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Prometheus;

namespace SysDesignLab.ScenarioKit;

/// <summary>
/// Puts the lab's endpoints in front of the app's own pipeline, so Program.cs needs no
/// <c>app.Use…</c> lines and the scenario code a learner reads stays about the scenario.
/// </summary>
internal sealed class LabPipelineStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Ahead of UseHttpMetrics: the lab's own probes and scrapes must not count as app traffic
        // in the request histograms, and must keep answering when the app's handlers are saturated.
        app.Map("/health", health => health.Run(context =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("ok", context.RequestAborted);
        }));
        app.UseMetricServer("/metrics");

        // Reads the matched route once the request has finished, so it can sit before the app's
        // routing and still label requests by endpoint ("/feed", "/posts/{id}").
        app.UseHttpMetrics();

        next(app);
    };
}
