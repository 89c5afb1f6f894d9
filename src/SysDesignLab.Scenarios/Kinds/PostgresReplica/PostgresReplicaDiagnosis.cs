using Npgsql;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Diagnosis;
using SysDesignLab.Scenarios.Kinds.Postgres;

namespace SysDesignLab.Scenarios.Kinds.PostgresReplica;

/// <summary>
/// The run's replica as it sees itself: the same sessions and rows read per second as the primary's
/// tile (<see cref="PostgresDiagnosis"/>), so the two tiles side by side show where the reads
/// happen, plus how far its replay is behind the primary. Found like the primary: the port in its
/// postmaster.pid, the password in its pgpass (the replica's folder is its name plus the run's suffix).
/// </summary>
public sealed class PostgresReplicaDiagnosis : IDiagnosisSource
{
    public string ResourceKind => "postgres-replica";

    public async Task<IDiagnosisProbe> OpenAsync(DiagnosisResource resource, CancellationToken cancellationToken)
    {
        var database = (resource.Scenario.Manifest.Database?.Name ?? throw new LabException("The scenario has no database.")) + resource.Suffix;
        var folder = new PostgresServer(resource.Name + resource.Suffix, resource.Paths);
        return await OpenAsync(PostgresDiagnosis.ConnectionString(folder), resource.Name, database, resource.Time, cancellationToken);
    }

    /// <summary>A probe of the replica's <paramref name="database"/>, over sessions of the lab's own kept open for the run.</summary>
    internal static async Task<IDiagnosisProbe> OpenAsync(string connectionString, string name, string database, TimeProvider time, CancellationToken cancellationToken)
    {
        var sessions = await PostgresDiagnosis.OpenAsync(connectionString, name, database, time, cancellationToken);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            await sessions.DisposeAsync();
            throw;
        }
        return new Probe(sessions, connection);
    }

    private sealed class Probe(IDiagnosisProbe sessions, NpgsqlConnection connection) : IDiagnosisProbe
    {
        public async Task<ResourceDiagnosis> SampleAsync(CancellationToken cancellationToken)
        {
            var sample = await sessions.SampleAsync(cancellationToken);
            // Caught up (all it received is applied): no lag, however long ago the last commit was.
            // Otherwise: how old the last change it applied is, i.e. how old what its readers see may be.
            await using var command = new NpgsqlCommand(
                "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 " +
                "ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END::float8", connection);
            var lag = await command.ExecuteScalarAsync(cancellationToken) as double?;
            return sample with
            {
                Kind = "postgres-replica",
                Figures =
                [
                    .. sample.Figures,
                    new("replay lag", lag is { } seconds ? Math.Round(Math.Max(0, seconds) * 1000) : null, "ms", "replication-lag",
                        "How old the newest change the replica has applied is: what a read from it may be missing. 0 when it has applied all it received."),
                ],
            };
        }

        public async ValueTask DisposeAsync()
        {
            await connection.DisposeAsync();
            await sessions.DisposeAsync();
        }
    }
}
