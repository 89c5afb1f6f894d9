using SysDesignLab.Cli.Output;
using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration;

namespace SysDesignLab.Cli.Commands;

/// <summary>One <c>sdlab load</c> run: live panel or lines, optional NDJSON and JSON files, thresholds and the exit code.</summary>
public sealed class LoadSession(IReadOnlyList<Threshold> thresholds, string? jsonPath, string? ndjsonPath)
{
    /// <summary>The run's figures once it ended (also when stopped early), for what is said after the summary.</summary>
    public LoadResult? Result { get; private set; }

    /// <param name="run">Starts the load (the lab's running app through the LabService, or a --url), calling its argument once per sample.</param>
    public async Task<int> RunAsync(LoadProfile profile, Func<Action<LoadSample>, Task<LoadResult>> run)
    {
        using var ndjson = ndjsonPath is null ? null : Create(ndjsonPath);
        var result = await LoadView.ShowAsync(profile, show => run(sample =>
        {
            show(sample);
            if (ndjson is not null)
            {
                LoadReport.WriteSampleLine(ndjson, sample);
                ndjson.Flush();
            }
        }));
        Result = result;
        LoadLine.Summary(result);

        var results = ThresholdEvaluator.EvaluateAll(thresholds, LoadMetrics.From(result));
        if (jsonPath is not null)
        {
            using var json = Create(jsonPath);
            LoadReport.WriteResult(json, result, thresholds.Count > 0 ? results : null);
        }
        foreach (var r in results)
        {
            var line = $"{r.Threshold.Text}: expected {r.Expected}, actual {r.ActualText}";
            if (r.Passed)
            {
                Ui.Success(line);
            }
            else
            {
                Ui.Error($"threshold failed: {line}");
            }
        }
        return results.All(r => r.Passed) ? CommandRunner.Ok : CommandRunner.Failed;
    }

    private static FileStream Create(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            return new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabException($"Cannot write '{path}': {e.Message}");
        }
    }
}
