using SysDesignLab.Web.Metrics;

namespace SysDesignLab.Web.Tests.Metrics;

public sealed class ServerFiguresTests
{
    // Shaped like scenario 01's /metrics page (prometheus-net's meter adapter).
    private const string Page = """
        npgsql_db_client_connection_count{db_client_connection_pool_name="Host=127.0.0.1;Port=1",db_client_connection_state="idle"} 60
        npgsql_db_client_connection_count{db_client_connection_pool_name="Host=127.0.0.1;Port=1",db_client_connection_state="used"} 40
        npgsql_db_client_connection_max{db_client_connection_pool_name="Host=127.0.0.1;Port=1"} 100
        system_runtime_dotnet_gc_collections{gc_heap_generation="gen2"} 1
        system_runtime_dotnet_gc_collections{gc_heap_generation="gen1"} 2
        system_runtime_dotnet_gc_collections{gc_heap_generation="gen0"} 10
        system_runtime_dotnet_gc_last_collection_heap_size{gc_heap_generation="gen0"} 1048576
        system_runtime_dotnet_gc_last_collection_heap_size{gc_heap_generation="loh"} 1048576
        system_runtime_dotnet_thread_pool_queue_length 12
        system_runtime_dotnet_thread_pool_thread_count 9
        """;

    [Fact]
    public void Pool_in_use_counts_only_used_connections()
    {
        var figures = ServerFigures.From(PrometheusText.Parse(Page));
        Assert.Equal(40, figures.PoolUsed);
        Assert.Equal(100, figures.PoolMax);
    }

    [Fact]
    public void Gc_collections_and_heap_are_summed_over_generations()
    {
        var figures = ServerFigures.From(PrometheusText.Parse(Page));
        Assert.Equal(13, figures.GcCollections);
        Assert.Equal(2, figures.HeapMb);
        Assert.Equal(12, figures.ThreadPoolQueue);
        Assert.Equal(9, figures.ThreadPoolThreads);
    }

    [Fact]
    public void An_app_without_a_database_has_no_pool_figures()
    {
        var figures = ServerFigures.From(PrometheusText.Parse("system_runtime_dotnet_thread_pool_queue_length 0"));
        Assert.Null(figures.PoolUsed);
        Assert.Equal(0, figures.ThreadPoolQueue);
    }
}
