using System.Text.Encodings.Web;
using System.Text.Json;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// The machine-readable outputs of a run: one NDJSON line per sample (for dashboards) and the final JSON
/// (totals, latency percentiles in ms, the encoded histograms so two runs can be compared exactly, and, for
/// the open model, the corrected and uncorrected latencies, the achieved rate and the late starts).
/// </summary>
public static class LoadReport
{
    // Relaxed escaping keeps base64's '+' readable; the output is written to files, never embedded in HTML.
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Pretty = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteSampleLine(Stream output, LoadSample sample)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sample);
        using (var json = new Utf8JsonWriter(output, Compact))
        {
            json.WriteStartObject();
            json.WriteNumber("second", sample.Second);
            json.WriteBoolean("warmUp", sample.WarmUp);
            json.WriteNumber("requests", sample.Requests);
            json.WriteNumber("succeeded", sample.Succeeded);
            json.WriteNumber("rps", Math.Round(sample.Rps, 3));
            json.WriteNumber("successRate", sample.SuccessRate);
            json.WriteStartObject("latencyMs");
            json.WriteNumber("p50", sample.P50Ms);
            json.WriteNumber("p95", sample.P95Ms);
            json.WriteNumber("p99", sample.P99Ms);
            json.WriteEndObject();
            WriteErrors(json, sample.Errors);
            json.WriteNumber("lateStarts", sample.LateStarts);
            json.WriteNumber("cpuPercent", sample.CpuPercent);
            json.WriteBoolean("cpuWarning", sample.CpuWarning);
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    public static void WriteResult(Stream output, LoadResult result, IReadOnlyList<ThresholdResult>? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(output, Pretty);
        json.WriteStartObject();
        json.WriteString("model", result.Open is null ? "closed" : "open");
        json.WriteNumber("requests", result.Requests);
        json.WriteNumber("succeeded", result.Succeeded);
        json.WriteNumber("successRate", result.SuccessRate);
        json.WriteNumber("rps", Math.Round(result.Rps, 3));
        json.WriteNumber("goodput", Math.Round(result.Goodput, 3));
        json.WriteNumber("measuredSeconds", Math.Round(result.Measured.TotalSeconds, 3));
        WriteLatency(json, "latencyMs", result.LatencyMs);
        json.WriteString("latencyHistogram", result.LatencyHistogram);
        json.WriteString("histogramUnit", "us");
        WriteErrors(json, result.Errors);
        json.WriteNumber("cpuPercent", result.CpuPercent);
        json.WriteBoolean("cpuWarning", result.CpuWarning);
        if (result.Open is { } open)
        {
            json.WriteNumber("targetRate", open.TargetRate);
            json.WriteNumber("achievedRate", Math.Round(open.AchievedRate, 3));
            json.WriteNumber("lateStarts", open.LateStarts);
            json.WriteNumber("dropped", open.Dropped);
            json.WriteNumber("warmUpSkipped", open.WarmUpSkipped);
            WriteLatency(json, "uncorrectedLatencyMs", open.UncorrectedLatencyMs);
            json.WriteString("uncorrectedLatencyHistogram", open.UncorrectedHistogram);
        }

        json.WriteStartArray("endpoints");
        foreach (var endpoint in result.Endpoints)
        {
            json.WriteStartObject();
            json.WriteString("name", endpoint.Name);
            json.WriteNumber("requests", endpoint.Requests);
            json.WriteNumber("succeeded", endpoint.Succeeded);
            json.WriteNumber("successRate", endpoint.SuccessRate);
            json.WriteNumber("rps", Math.Round(endpoint.Rps, 3));
            json.WriteNumber("goodput", Math.Round(endpoint.Goodput, 3));
            WriteLatency(json, "latencyMs", endpoint.LatencyMs);
            WriteErrors(json, endpoint.Errors);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (thresholds is not null)
        {
            json.WriteStartArray("thresholds");
            foreach (var t in thresholds)
            {
                json.WriteStartObject();
                json.WriteString("expression", t.Threshold.Text);
                json.WriteString("metric", t.Threshold.Metric);
                json.WriteBoolean("passed", t.Passed);
                json.WriteString("expected", t.Expected);
                json.WriteString("actual", t.ActualText);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteLatency(Utf8JsonWriter json, string name, LatencySummary latency)
    {
        json.WriteStartObject(name);
        json.WriteNumber("p50", latency.P50);
        json.WriteNumber("p95", latency.P95);
        json.WriteNumber("p99", latency.P99);
        json.WriteNumber("max", latency.Max);
        json.WriteNumber("mean", Math.Round(latency.Mean, 3));
        json.WriteEndObject();
    }

    private static void WriteErrors(Utf8JsonWriter json, ErrorCounts errors)
    {
        json.WriteStartObject("errors");
        json.WriteNumber("connect", errors.Connect);
        json.WriteNumber("timeout", errors.Timeout);
        json.WriteNumber("reset", errors.Reset);
        json.WriteNumber("serverError", errors.ServerError);
        json.WriteNumber("clientError", errors.ClientError);
        json.WriteNumber("wrongBody", errors.WrongBody);
        json.WriteNumber("other", errors.Other);
        json.WriteEndObject();
    }
}
