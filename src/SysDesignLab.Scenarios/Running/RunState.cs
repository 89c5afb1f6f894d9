using System.Text.Json;
using SysDesignLab.Orchestration;

namespace SysDesignLab.Scenarios.Running;

/// <summary>
/// What `sdlab start` left running in the background, so later commands (load, status, stop)
/// find it. Written atomically: a kill mid-write leaves the previous file, never half of one.
/// </summary>
public sealed record RunState(
    string Scenario,
    string Variant,
    int AppPid,
    string AppUrl,
    string AppLog,
    string? Database,
    int? PostgresPort,
    DateTimeOffset StartedAt)
{
    /// <summary>App replicas behind a load balancer (the balancer is <see cref="AppPid"/>).</summary>
    public IReadOnlyList<ReplicaState> Replicas { get; init; } = [];

    /// <summary>The lab's pgpass file: psql reads the password from it, so it is never shown.</summary>
    public string? PasswordFile { get; init; }

    /// <summary>The command that opens a psql shell on the scenario's database, when it has one.</summary>
    public string? PsqlCommand() => PostgresPort is not { } port ? null
        : (PasswordFile is null ? "" : $"PGPASSFILE={ShellQuote(PasswordFile)} ") + $"psql -h 127.0.0.1 -p {port} -U sdlab {Database}";

    private static string ShellQuote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_') ? path : "'" + path.Replace("'", "'\\''") + "'";

    /// <summary>Every log a learner may want to read, labelled: the app's, or the load balancer's ("lb") and each replica's.</summary>
    public IEnumerable<(string Name, string Path)> Logs() =>
        Replicas.Count == 0
            ? [("app", AppLog)]
            : Replicas.Select(r => (r.Name, r.Log)).Prepend(("lb", AppLog));

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static RunState? Load(string path) => StateFile.Read<RunState>(path, Options);

    public void Save(string path) => StateFile.Write(path, this, Options);

    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
