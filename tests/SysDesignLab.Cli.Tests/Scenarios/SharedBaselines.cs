namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// One naive baseline per scenario per test run. Every check test runs in a fresh state folder, so
/// each would measure the naive app again before measuring its own fix: half of its time, spent on
/// the same figures. The first check that measures the baseline leaves its progress.db here; later
/// checks of that scenario start from a copy, as a learner's second check reuses the first one's.
/// </summary>
internal static class SharedBaselines
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"sdlab-test-baselines-{Environment.ProcessId}");
    private static readonly string[] Suffixes = ["", "-wal", "-shm"];

    public static void Seed(string stateRoot, string scenarioId)
    {
        var kept = Path.Combine(Folder, Key(scenarioId) + ".db");
        var progress = Path.Combine(stateRoot, "progress.db");
        if (!File.Exists(kept) || File.Exists(progress))
        {
            return;
        }
        foreach (var suffix in Suffixes.Where(s => File.Exists(kept + s)))
        {
            File.Copy(kept + suffix, progress + suffix);
        }
    }

    /// <summary>Keeps the state folder's progress.db when this check measured the scenario's first baseline.</summary>
    public static void Keep(string stateRoot, string scenarioId, bool measuredBaseline)
    {
        var kept = Path.Combine(Folder, Key(scenarioId) + ".db");
        var progress = Path.Combine(stateRoot, "progress.db");
        if (!measuredBaseline || File.Exists(kept) || !File.Exists(progress))
        {
            return;
        }
        Directory.CreateDirectory(Folder);
        foreach (var suffix in Suffixes.Where(s => File.Exists(progress + s)))
        {
            File.Copy(progress + suffix, kept + suffix + ".part", overwrite: true);
        }
        // The main file last, so a half-copied set is never taken for a baseline.
        foreach (var suffix in Suffixes.Reverse().Where(s => File.Exists(kept + s + ".part")))
        {
            File.Move(kept + suffix + ".part", kept + suffix);
        }
    }

    // "01" and "01-single-server" name the same scenario.
    private static string Key(string scenarioId) => scenarioId.Length >= 2 ? scenarioId[..2] : scenarioId;
}
