using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// Every lab server of one state folder, found on disk: one folder per server name, and the single
/// folder of older lab versions, whose server may still run, or may hold templates worth keeping.
/// </summary>
internal static class ServerFolders
{
    /// <summary>The folders holding a cluster, the older layout's included.</summary>
    public static IEnumerable<PostgresLayout> All(LabPaths paths)
    {
        foreach (var folder in PostgresLayout.Bases(paths).Where(Directory.Exists))
        {
            var legacy = PostgresLayout.Legacy(folder);
            if (HasCluster(legacy))
            {
                yield return legacy;
            }
            foreach (var root in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                var layout = PostgresLayout.At(root);
                if (HasCluster(layout))
                {
                    yield return layout;
                }
            }
        }
    }

    public static async Task StopAllAsync(LabPaths paths, IProgress<string>? progress)
    {
        var installation = PostgresInstallation.TryFind();
        // Replicas first: a primary's fast shutdown then has no standby left to send its last WAL to.
        var running = All(paths).Where(l => l.PostmasterPid() is not null).OrderBy(l => l.IsStandby ? 0 : 1).ToList();
        foreach (var layout in running)
        {
            var name = Describe(layout, paths);
            // `sdlab stop` is the explicit stop, so it goes ahead, but says whose work it cuts short.
            if (new ServerLeases(layout.LeasesFolder, "PostgreSQL server").LiveHolders() is { Count: > 0 } holders)
            {
                progress?.Report($"{name} is in use by another lab command (pid {string.Join(", ", holders)}); stopping it anyway.");
            }
            progress?.Report($"Stopping {name}…");
            await layout.StopPostmasterAsync(installation);
        }
    }

    /// <summary>
    /// Moves the older layout's cluster (<c>postgres/data</c> and its pgpass) into the folder of the
    /// first server that starts without data of its own, so its templates are not seeded again and its
    /// disk space is not lost. A cluster still running is left alone: `sdlab stop` stops it.
    /// </summary>
    public static async Task MoveLegacyServerAsync(PostgresLayout target, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var legacy = PostgresLayout.Legacy(Path.GetDirectoryName(target.Root)!);
        if (Directory.Exists(target.DataDirectory) || !HasCluster(legacy))
        {
            return;
        }
        // Older lab versions take this lock to start or stop their server.
        using var legacyLock = await FileLock.AcquireAsync(legacy.LockFile, cancellationToken);
        if (legacy.PostmasterPid() is not null || !HasCluster(legacy))
        {
            return;
        }
        Directory.Move(legacy.DataDirectory, target.DataDirectory);
        foreach (var (from, to) in new[] { (legacy.PasswordFile, target.PasswordFile), (legacy.SettingsFile, target.SettingsFile), (legacy.LogFile, target.LogFile) })
        {
            if (File.Exists(from))
            {
                File.Move(from, to, overwrite: true);
            }
        }
        progress?.Report($"Moved PostgreSQL's data from {legacy.DataDirectory} to {target.DataDirectory}: the lab now keeps one folder per server.");
    }

    private static bool HasCluster(PostgresLayout layout) => File.Exists(Path.Combine(layout.DataDirectory, "PG_VERSION"));

    private static string Describe(PostgresLayout layout, LabPaths paths) =>
        PostgresLayout.Bases(paths).Contains(layout.Root)
            ? "PostgreSQL (left by an older lab version)"
            : $"PostgreSQL{(layout.IsStandby ? " replica" : "")} '{Path.GetFileName(layout.Root)}'";
}
