using Npgsql;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// Samples how many client sessions are connected to one database, several times a second, while
/// a load runs: the server's own view of a connection budget (pooling and scaling scenarios).
/// </summary>
public sealed class ConnectionSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _peak;
    private long _samples;

    private ConnectionSampler(PostgresServer server, string database, TimeSpan interval, TimeProvider time)
    {
        _loop = RunAsync(server, database, interval, time, _stop.Token);
    }

    public int Peak => Volatile.Read(ref _peak);
    public long Samples => Interlocked.Read(ref _samples);

    public static ConnectionSampler Start(PostgresServer server, string database, TimeSpan? interval = null, TimeProvider? time = null) =>
        new(server, database, interval ?? TimeSpan.FromMilliseconds(100), time ?? TimeProvider.System);

    /// <summary>Stops sampling and returns the highest count seen.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return Peak;
    }

    private async Task RunAsync(PostgresServer server, string database, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            // One dedicated session, opened before the load, so sampling never waits for a free slot
            // under max_connections; it counts itself out.
            await using var connection = new NpgsqlConnection(server.ConnectionString("postgres", pooling: false));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid() " +
                "AND application_name IS DISTINCT FROM $2",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = database });
            // The check's own probes (a write waiting on the app's row lock, say) are not the app's connections.
            command.Parameters.Add(new NpgsqlParameter { Value = PostgresServer.LabApplicationName });
            using var timer = new PeriodicTimer(interval, time);
            do
            {
                var count = (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
                Interlocked.Increment(ref _samples);
                if (count > Volatile.Read(ref _peak))
                {
                    Volatile.Write(ref _peak, count);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
