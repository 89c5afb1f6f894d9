using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Engine;

namespace SysDesignLab.Scenarios.Kinds.Postgres;

/// <summary>
/// What the database server did for the run's requests: rows read, sequential scans and sessions
/// opened per request (pg_stat counters around the load), and the peak of the app's connections.
/// </summary>
public sealed class PostgresMetricSource : IMetricSource
{
    public string ResourceKind => "postgres";

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("dbRowsPerRequest", "rows the database read per request", MetricFormat.Count, "rows"),
        new("seqScansPerRequest", "sequential scans of the scenario's tables per request", MetricFormat.Fraction, "scans"),
        new("dbSessionsPerRequest", "database connections opened per request", MetricFormat.FineFraction, "connections"),
        new("peakDbConnections", "most connections the app held at once", MetricFormat.Count, "connections"),
    ];

    public async Task<IMetricWindow> StartAsync(ResourceBinding binding, RunContext run, CancellationToken cancellationToken)
    {
        var database = run.Part<PostgresDatabase>(binding.Name)
            ?? throw new InvalidOperationException($"The run has no database for '{binding.Name}'.");
        var before = await ServerActivity.ReadAsync(database, cancellationToken);
        return new Window(database, before, ConnectionSampler.Start(database.Server, database.DatabaseName, time: run.Time));
    }

    private sealed class Window(PostgresDatabase database, ServerActivity before, ConnectionSampler sampler) : IMetricWindow
    {
        private int _peak;

        public async Task LoadEndedAsync(CancellationToken cancellationToken) => _peak = await sampler.StopAsync();

        public async Task<IReadOnlyDictionary<string, double>> FinishAsync(long requests, CancellationToken cancellationToken)
        {
            // Backends flush their statistics when they exit: wait for the app's sessions to end.
            await DatabaseActivity.WaitForNoBackendsAsync(database.Server, database.DatabaseName, TimeSpan.FromSeconds(15), cancellationToken);
            var after = await ServerActivity.ReadAsync(database, cancellationToken);
            var figures = before.PerRequest(after, requests);
            figures["peakDbConnections"] = _peak;
            return figures;
        }
    }
}
