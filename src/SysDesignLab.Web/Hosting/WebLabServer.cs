using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Web.Html;
using SysDesignLab.Web.Live;
using SysDesignLab.Web.Metrics;

namespace SysDesignLab.Web.Hosting;

/// <summary>`sdlab web`: the web lab on 127.0.0.1 only. Nothing here listens beyond loopback.</summary>
public static class WebLabServer
{
    /// <param name="allowedHosts">Host names besides the loopback ones the lab answers to (`--allow-host`); SDLAB_WEB_ALLOWED_HOSTS adds more.</param>
    public static WebApplication Build(LabPaths paths, int port, TimeProvider? time = null, IEnumerable<string>? allowedHosts = null)
    {
        var hosts = AllowedHosts.Create(port, allowedHosts);
        if (FreePort.IsInUse(port))
        {
            throw new LabException(PortOwner.Describe(port));
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = paths.RepositoryRoot });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddWebLab(paths, time ?? TimeProvider.System);
        builder.Services.AddRequestGuard(hosts, port);
        // Pages are Razor components rendered on the server; nothing interactive, no circuits.
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton(PageRenderer.Encoder);
        var app = builder.Build();
        app.UseExceptionHandler(errors => errors.Run(WriteErrorAsync));
        app.UseRequestGuard();
        app.MapWebLabPages();
        app.MapWebLab();
        return app;
    }

    public static IServiceCollection AddWebLab(this IServiceCollection services, LabPaths paths, TimeProvider time)
    {
        services.AddSingleton(time);
        services.AddSingleton(new WebLabContext(paths, time));
        services.AddSingleton<LiveHub>();
        services.AddSingleton<LabJobs>();
        services.AddSingleton(new MetricsScraper(new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 2 })));
        services.AddSingleton<LabActions>();
        return services;
    }

    // A lab error (unknown scenario, store problem) is a message for the learner, not a stack trace.
    private static async Task WriteErrorAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        context.Response.StatusCode = error is LabException ? StatusCodes.Status404NotFound : StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(error?.Message ?? "Unexpected error.");
    }
}
