namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// What the lab writes into a server's pg_hba.conf: its user logs in, and may clone the server and
/// stream its WAL (a <see cref="PostgresReplica"/>), with its password over loopback only. Clusters
/// written by lab versions before replicas lack the replication line and get it added.
/// </summary>
internal static class ReplicationAccess
{
    private static readonly string[] Lines =
    [
        $"host all {PostgresServer.User} 127.0.0.1/32 scram-sha-256",
        $"host replication {PostgresServer.User} 127.0.0.1/32 scram-sha-256",
    ];

    public static string Hba { get; } =
        "# Written by SysDesign Lab: the lab's user logs in, and its replicas stream WAL, with its password (SCRAM), over loopback TCP only.\n" +
        string.Join('\n', Lines) + "\n";

    /// <summary>Adds the lines <paramref name="hbaFile"/> lacks; true when it changed, so a running server must reload it.</summary>
    public static async Task<bool> EnsureAsync(string hbaFile, CancellationToken cancellationToken)
    {
        var present = (await File.ReadAllLinesAsync(hbaFile, cancellationToken)).Select(Fields).ToList();
        var missing = Lines.Where(line => !present.Any(fields => fields.SequenceEqual(Fields(line), StringComparer.Ordinal))).ToList();
        if (missing.Count == 0)
        {
            return false;
        }
        // Appended, so the file keeps its owner (the postgres user, when the lab runs as root).
        await File.AppendAllTextAsync(hbaFile, "# Added by a newer SysDesign Lab.\n" + string.Join('\n', missing) + "\n", cancellationToken);
        return true;
    }

    private static string[] Fields(string line) =>
        line.Split('#')[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
