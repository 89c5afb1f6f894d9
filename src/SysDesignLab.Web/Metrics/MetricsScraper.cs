namespace SysDesignLab.Web.Metrics;

/// <summary>Reads an app's Prometheus page. One scrape a second is a few kB of text: cheap next to the load.</summary>
public sealed class MetricsScraper(HttpClient http)
{
    public async Task<ServerFigures?> ScrapeAsync(Uri metricsUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            var text = await http.GetStringAsync(metricsUrl, timeout.Token);
            return ServerFigures.From(PrometheusText.Parse(text));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // An overloaded app may not answer in time; the chart shows a gap, not an error.
            return null;
        }
    }
}
