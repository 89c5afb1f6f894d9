using static SysDesignLab.Cli.Tests.Scenarios.ReplicationFixes;

namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Scenario 07's tempting wrong fixes: each moves the reads to the replica, so the offload passes,
/// but a user who has just posted reads their own page from a replica that has not applied the post
/// yet (500 ms behind). The check must fail on read-your-writes and say the read went to the replica.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "07")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class ReplicationWrongFixTests
{
    [Fact]
    public async Task Every_read_on_the_replica_fails_on_read_your_writes()
    {
        using var copy = new RepositoryCopy(ScenarioId);
        OwnPageFrom(copy, "replica");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "07", "all-replica");

        AssertFailsOnlyOnReadYourWrites(check);
    }

    [Fact]
    public async Task A_pinning_window_shorter_than_the_lag_fails_on_read_your_writes()
    {
        using var copy = new RepositoryCopy(ScenarioId);
        PinInTheDatabase(copy, "100 milliseconds");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "07", "pin-100ms");

        AssertFailsOnlyOnReadYourWrites(check);
    }

    [Fact]
    public async Task A_pin_kept_in_one_instances_memory_fails_on_read_your_writes()
    {
        using var copy = new RepositoryCopy(ScenarioId);
        copy.UseSolutionProgram();
        copy.Edit(ProgramFile, "var app = builder.Build();", """
            // Who posted when, in this instance's memory.
            var lastPosts = new System.Collections.Concurrent.ConcurrentDictionary<long, DateTime>();

            var app = builder.Build();
            """);
        copy.ReplaceBetween(ProgramFile, RememberStart, RememberEnd, "    lastPosts[session.UserId] = DateTime.UtcNow;\n");
        copy.ReplaceBetween(ProgramFile, ReadSourceStart, ReadSourceEnd, """
            Task<NpgsqlDataSource> ReadSourceAsync(Session session) =>
                Task.FromResult(lastPosts.TryGetValue(session.UserId, out var at) && DateTime.UtcNow - at < TimeSpan.FromSeconds(2) ? db : replica);
            """);
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "07", "pin-in-memory");

        AssertFailsOnlyOnReadYourWrites(check);
    }

    private static void AssertFailsOnlyOnReadYourWrites(CheckRun check)
    {
        Assert.True(check.ExitCode == 1, check.Output);
        var readYourWrites = check[ReadYourWrites];
        Assert.False(readYourWrites.Passed, check.Output);
        Assert.Contains("missed the user's own write", readYourWrites.Actual, StringComparison.Ordinal);
        Assert.Contains("the read went to the replica", readYourWrites.Where, StringComparison.Ordinal);
        // The offload itself is right: the one thing left is whose reads may be behind.
        Assert.True(check[ReplicaShare].Passed, check.Output);
        Assert.True(check[PrimaryRows].Passed, check.Output);
    }
}
