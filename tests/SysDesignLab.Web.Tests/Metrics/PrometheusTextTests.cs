using SysDesignLab.Web.Metrics;

namespace SysDesignLab.Web.Tests.Metrics;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Reads_names_labels_and_values_and_skips_comments()
    {
        var samples = PrometheusText.Parse("""
            # HELP http_requests_total Requests.
            # TYPE http_requests_total counter
            http_requests_total{method="GET",code="200"} 1027 1395066363000
            process_heap_bytes 4.5e6

            """);
        Assert.Equal(2, samples.Count);
        Assert.Equal("http_requests_total", samples[0].Name);
        Assert.Equal("GET", samples[0].Label("method"));
        Assert.Equal("200", samples[0].Label("code"));
        Assert.Equal(1027, samples[0].Value);
        Assert.Empty(samples[1].Labels);
        Assert.Equal(4_500_000, samples[1].Value);
    }

    [Fact]
    public void Label_values_may_hold_commas_equals_braces_and_escaped_quotes()
    {
        var sample = Assert.Single(PrometheusText.Parse(
            "npgsql_db_client_connection_count{db_client_connection_pool_name=\"Host=127.0.0.1;Port=5432,x={y}\",note=\"say \\\"hi\\\"\",db_client_connection_state=\"used\"} 7"));
        Assert.Equal("Host=127.0.0.1;Port=5432,x={y}", sample.Label("db_client_connection_pool_name"));
        Assert.Equal("say \"hi\"", sample.Label("note"));
        Assert.Equal("used", sample.Label("db_client_connection_state"));
        Assert.Equal(7, sample.Value);
    }

    [Fact]
    public void Special_values_are_understood()
    {
        var samples = PrometheusText.Parse("a +Inf\nb -Inf\nc NaN");
        Assert.Equal(double.PositiveInfinity, samples[0].Value);
        Assert.Equal(double.NegativeInfinity, samples[1].Value);
        Assert.True(double.IsNaN(samples[2].Value));
    }

    [Fact]
    public void A_malformed_line_is_skipped_without_losing_the_others()
    {
        var samples = PrometheusText.Parse("broken{label=\"unterminated 1\nok 2\nnovalue\nalso{x=y} 3");
        var sample = Assert.Single(samples);
        Assert.Equal("ok", sample.Name);
    }
}
