using System.Text.Json;
using SysDesignLab.Scenarios.Lab;
using SysDesignLab.Web.Live;

namespace SysDesignLab.Web.Tests.Live;

/// <summary>The "progress" event as agreed with the dashboard: step, elapsedSeconds, estimateSeconds (or null), basis (or null).</summary>
public sealed class ProgressEventTests
{
    [Fact]
    public void A_timed_step_carries_its_elapsed_time_estimate_and_basis()
    {
        var estimate = StepEstimate.FromHistory(LabStep.Measure, [TimeSpan.FromSeconds(58), TimeSpan.FromSeconds(62), TimeSpan.FromSeconds(60)]);
        var step = new StepProgress(LabStep.Baseline, "Measuring the naive app once", "only the first check", TimeSpan.FromSeconds(12.04), estimate, IsStart: false);

        var data = Publish(step);

        Assert.Equal("Measuring the naive app once", data.GetProperty("step").GetString());
        Assert.Equal(12.0, data.GetProperty("elapsedSeconds").GetDouble());
        Assert.Equal(60, data.GetProperty("estimateSeconds").GetDouble());
        Assert.Equal("from your last 3 checks", data.GetProperty("basis").GetString());
        Assert.Equal("Measuring the naive app once (only the first check; about 1 min, from your last 3 checks) · 0:12 elapsed, about 0:48 left",
            data.GetProperty("text").GetString());
    }

    [Fact]
    public void A_plain_line_is_a_step_without_an_estimate()
    {
        var data = Publish(StepProgress.Message("Starting PostgreSQL…"));

        Assert.Equal("Starting PostgreSQL…", data.GetProperty("step").GetString());
        Assert.Equal(0, data.GetProperty("elapsedSeconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("estimateSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("basis").ValueKind);
        Assert.Equal("Starting PostgreSQL…", data.GetProperty("text").GetString());
    }

    private static JsonElement Publish(StepProgress step)
    {
        var hub = new LiveHub();
        using var until = new CancellationTokenSource();
        var reader = hub.Subscribe(until.Token);
        LabActions.PublishProgress(hub, step);
        Assert.True(reader.TryRead(out var frame));
        Assert.StartsWith("event: progress\ndata: ", frame, StringComparison.Ordinal);
        return JsonDocument.Parse(frame["event: progress\ndata: ".Length..].Trim()).RootElement.Clone();
    }
}
