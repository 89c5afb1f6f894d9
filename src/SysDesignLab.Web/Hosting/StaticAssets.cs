using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace SysDesignLab.Web.Hosting;

/// <summary>GET /assets/{path}: the page's CSS/JS and the vendored libraries, embedded in this assembly.</summary>
internal static class StaticAssets
{
    private static readonly Assembly Assembly = typeof(StaticAssets).Assembly;
    private static readonly HashSet<string> Names = [.. Assembly.GetManifestResourceNames()];

    /// <summary>Whether the lab carries an asset, so a page links only scripts that are there.</summary>
    public static bool Exists(string path) => Names.Contains("wwwroot/" + path);

    public static IResult Serve(string path)
    {
        var name = "wwwroot/" + path;
        if (!Names.Contains(name))
        {
            return Results.NotFound();
        }
        var type = Path.GetExtension(path) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return Results.Stream(Assembly.GetManifestResourceStream(name)!, type);
    }
}
