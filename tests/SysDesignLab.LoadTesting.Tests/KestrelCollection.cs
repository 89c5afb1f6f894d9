namespace SysDesignLab.LoadTesting.Tests;

/// <summary>
/// Load runs measure time and throughput, so they run alone: on a 2-core machine a CPU-heavy unit test
/// running in parallel can hold the thread pool long enough to delay a sampling tick by a second.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KestrelCollection : ICollectionFixture<KestrelFixture>
{
    public const string Name = "Kestrel";
}
