namespace SysDesignLab.Web.Metrics;

/// <summary>
/// The server-side figures the dashboard charts, read from a scenario app's /metrics page.
/// A figure the app does not export is null (a scenario without a database has no pool).
/// </summary>
public sealed record ServerFigures(
    double? PoolUsed,
    double? PoolMax,
    double? GcCollections,
    double? HeapMb,
    double? ThreadPoolQueue,
    double? ThreadPoolThreads)
{
    public static ServerFigures From(IReadOnlyList<MetricSample> samples) => new(
        Sum(samples, "npgsql_db_client_connection_count", s => s.Label("db_client_connection_state") == "used" || s.Label("state") == "used"),
        Sum(samples, "npgsql_db_client_connection_max"),
        Sum(samples, "system_runtime_dotnet_gc_collections"),
        Sum(samples, "system_runtime_dotnet_gc_last_collection_heap_size") is { } bytes ? Math.Round(bytes / (1024 * 1024), 1) : null,
        Sum(samples, "system_runtime_dotnet_thread_pool_queue_length"),
        Sum(samples, "system_runtime_dotnet_thread_pool_thread_count"));

    // Exporters differ on the _total suffix of counters; accept both spellings.
    private static double? Sum(IReadOnlyList<MetricSample> samples, string name, Func<MetricSample, bool>? where = null)
    {
        double? total = null;
        foreach (var sample in samples)
        {
            if ((sample.Name == name || sample.Name == name + "_total") && (where is null || where(sample)) && double.IsFinite(sample.Value))
            {
                total = (total ?? 0) + sample.Value;
            }
        }
        return total;
    }
}
