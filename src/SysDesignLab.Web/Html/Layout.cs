namespace SysDesignLab.Web.Html;

/// <summary>The page shell: head, stylesheet, top bar. Assets are served by the lab itself, never from a CDN.</summary>
internal static class Layout
{
    /// <param name="csrfToken">The antiforgery token lab.js sends with each POST; only pages with buttons carry one.</param>
    public static string Render(string title, string body, string headExtra = "", string scripts = "", string? csrfToken = null) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Html.E(title)} · SysDesign Lab</title>
        <link rel="stylesheet" href="/assets/lab.css">
        {(csrfToken is null ? "" : $"<meta name=\"csrf-token\" content=\"{Html.E(csrfToken)}\">")}
        {headExtra}
        </head>
        <body>
        <header class="top"><a href="/" class="brand">SysDesign Lab</a><span class="crumb">{Html.E(title)}</span></header>
        {body}
        {scripts}
        </body>
        </html>
        """;
}
