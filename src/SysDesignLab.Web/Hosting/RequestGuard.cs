using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SysDesignLab.Web.Hosting;

/// <summary>
/// The web lab obeys only its own page. Any page the learner has open elsewhere can send requests
/// to 127.0.0.1, and one that rebinds its DNS name to 127.0.0.1 can even read the answers, so:
/// every request must name an allowed host; a state change must not come from another origin
/// (Origin, Sec-Fetch-Site) and must carry the antiforgery token of a page the lab served.
/// </summary>
public static class RequestGuard
{
    public const string TokenHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddRequestGuard(this IServiceCollection services, AllowedHosts hosts, int port)
    {
        services.AddSingleton(hosts);
        // Tokens need only live as long as the process: a restarted lab asks for a reload.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAntiforgery(options =>
        {
            options.HeaderName = TokenHeader;
            // Cookies ignore ports: two labs on 127.0.0.1 would overwrite one another's cookie.
            options.Cookie.Name = $"sdlab-antiforgery-{port}";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) => app.Use(GuardAsync);

    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var hosts = context.RequestServices.GetRequiredService<AllowedHosts>();
        if (!hosts.Allows(context.Request.Host))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, hosts.Refusal(context.Request.Host));
            return;
        }
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method))
        {
            if (CrossOrigin(context.Request, hosts) is { } reason)
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, $"The web lab refused this request: {reason}. Only the lab's own pages may change anything.\n");
                return;
            }
            if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest,
                    "The web lab refused this request: its antiforgery token is missing or out of date (the lab may have restarted): reload the page and try again.\n");
                return;
            }
        }
        await next(context);
    }

    // Browsers send Sec-Fetch-Site and Origin on every fetch POST; a request with neither (curl, a
    // script) is not from a page, and still needs the token.
    private static string? CrossOrigin(HttpRequest request, AllowedHosts hosts)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        // "same-site" on localhost is another port: another local app, not the lab.
        if (site is "cross-site" or "same-site")
        {
            return $"it came from another site (Sec-Fetch-Site: {site})";
        }
        var origin = request.Headers.Origin;
        if (origin.Count > 0 && !origin.All(o => o is not null && hosts.AllowsOrigin(o)))
        {
            var shown = origin.ToString();
            return $"it came from a page of {(shown.Length > 100 ? shown[..100] + "…" : shown)}";
        }
        return null;
    }

    private static async Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, context.RequestAborted);
    }
}
