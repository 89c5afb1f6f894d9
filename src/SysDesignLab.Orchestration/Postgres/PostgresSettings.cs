namespace SysDesignLab.Orchestration.Postgres;

/// <summary>Server settings passed as -c flags. A scenario may override some (e.g. max_connections).</summary>
public static class PostgresSettings
{
    /// <summary>
    /// Durability is traded for speed: lab data is rebuilt from a template on every run, so a crash
    /// loses nothing that matters, and seeding a million rows stays fast on a small machine.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>
    {
        ["listen_addresses"] = "127.0.0.1",
        ["unix_socket_directories"] = "''",
        // Room for two runs of 100 users at once, each app with a pool of 100 (`sdlab start`'s run, whose
        // abandoned queries may still run, and a check's), plus the lab's own sessions: a check must
        // never be refused a connection because the started app still holds its pool.
        ["max_connections"] = "300",
        ["shared_buffers"] = "256MB",
        ["fsync"] = "off",
        ["synchronous_commit"] = "off",
        ["full_page_writes"] = "off",
        ["max_wal_size"] = "2GB",
        // PostgreSQL 15's defaults, written out because a replica depends on them: WAL detailed enough
        // to replay elsewhere, and senders for a replica's stream plus a clone's two.
        ["wal_level"] = "replica",
        ["max_wal_senders"] = "10",
        ["logging_collector"] = "off",
        ["log_min_messages"] = "warning",
    };

    public static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string>? overrides)
    {
        var merged = new Dictionary<string, string>(Defaults);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }
        return merged;
    }

    public static string ToCommandLine(int port, IReadOnlyDictionary<string, string> settings) =>
        $"-p {port} " + string.Join(' ', settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"-c {s.Key}={s.Value}"));
}
