using Prometheus;

namespace SysDesignLab.ScenarioKit;

/// <summary>Configures prometheus-net's default collectors once per process.</summary>
internal static class LabMetrics
{
    private static int started;

    public static void EnsureStarted()
    {
        // prometheus-net only honours this configuration before the default registry is first used.
        if (Interlocked.Exchange(ref started, 1) == 1)
        {
            return;
        }

        // .NET 9+ publishes GC and thread-pool figures on the "System.Runtime" meter, which the
        // meter adapter exports (system_runtime_dotnet_gc_*, ..._thread_pool_*). The EventCounter
        // copies of the same numbers would only double the page a learner has to read.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
        {
            SuppressEventCounters = true,
        });

        // Every other Meter in the process is exported, notably "Npgsql" (connection pool: used,
        // idle, max). "Private.*" meters are runtime internals (MsQuic) with no bearing on any lesson.
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate =
            instrument => !instrument.Meter.Name.StartsWith("Private.", StringComparison.Ordinal));

        // Touching the default registry starts the collectors configured above.
        _ = Metrics.DefaultRegistry;
    }
}
