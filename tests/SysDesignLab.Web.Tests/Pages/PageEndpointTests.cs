using System.Net;
using SysDesignLab.Web.Glossary;
using SysDesignLab.Web.Tests.Hosting;

namespace SysDesignLab.Web.Tests.Pages;

/// <summary>The pages as the real web lab serves them: Razor components through RazorComponentResult, behind the request guard.</summary>
public sealed class PageEndpointTests
{
    [Fact]
    public async Task Catalog_and_scenario_page_are_served_as_html()
    {
        await using var lab = await RunningWebLab.StartAsync();
        using var client = lab.Client();
        using var catalog = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
        Assert.Equal("text/html", catalog.Content.Headers.ContentType?.MediaType);
        var catalogHtml = await catalog.Content.ReadAsStringAsync();
        Assert.StartsWith("<!doctype html>", catalogHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data-scenario=\"01-single-server\"", catalogHtml, StringComparison.Ordinal);
        // Written as it reads, not as &#xB7; entities.
        Assert.Contains("01 · One server under load", catalogHtml, StringComparison.Ordinal);

        var page = await client.GetStringAsync($"/scenarios/{RunningWebLab.ScenarioId}");
        Assert.Contains("id=\"predict\"", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/assets/lab.js\"></script>", page, StringComparison.Ordinal);
        Assert.NotEmpty(await lab.PageTokenAsync(client));
    }

    [Fact]
    public async Task An_unknown_scenario_is_a_one_line_404()
    {
        await using var lab = await RunningWebLab.StartAsync();
        using var client = lab.Client();
        using var response = await client.GetAsync("/scenarios/99-nothing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\n   at ", text, StringComparison.Ordinal);
        Assert.Contains("99-nothing", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_glossary_is_served_from_docs_with_heading_anchors()
    {
        await using var lab = await RunningWebLab.StartAsync();
        using var client = lab.Client();
        using (var missing = await client.GetAsync("/glossary"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Glossary not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var path = GlossaryFile.PathIn(lab.Paths);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "# Glossary\n\n## Little's law\n\nL = λW.\n\n## pool used\n\nConnections & more.\n");
        var html = await client.GetStringAsync("/glossary");
        Assert.Contains("<h2 id=\"littles-law\">Little's law</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"pool-used\">pool used</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Connections &amp; more.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\" class=\"brand\">", html, StringComparison.Ordinal);
    }
}
