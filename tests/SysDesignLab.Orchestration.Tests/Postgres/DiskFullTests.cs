using SysDesignLab.Orchestration.Postgres;

namespace SysDesignLab.Orchestration.Tests.Postgres;

/// <summary>A full disk is one clear message, whether the lab sees it coming or PostgreSQL runs into it.</summary>
[Trait("Category", "Integration")]
public sealed class DiskFullTests
{
    [SmallDiskFact]
    public async Task A_disk_too_small_for_a_cluster_is_reported_before_initdb_runs()
    {
        await using var disk = await SmallDisk.MountAsync(40);
        var server = new PostgresServer("db", PathsIn(disk));
        try
        {
            // initdb alone would fit (39 MB), but the lab could not seed a single template there.
            var error = await Assert.ThrowsAsync<LabException>(() => server.StartAsync(CancellationToken.None));

            AssertDiskFullMessage(error, disk);
            Assert.DoesNotContain("initdb", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await server.StopServerAsync();
        }
    }

    [SmallDiskFact]
    public async Task A_seed_that_fills_the_disk_is_reported_as_a_full_disk_not_as_a_broken_script()
    {
        await using var disk = await SmallDisk.MountAsync(160);
        var server = new PostgresServer("db", PathsIn(disk));
        try
        {
            await server.StartAsync(CancellationToken.None);
            var seed = Path.Combine(disk.Folder, "seed.sql");
            await File.WriteAllTextAsync(seed, "CREATE TABLE filler AS SELECT i, repeat('x', 1000) AS pad FROM generate_series(1, 300000) AS i;");
            // No pre-flight check: PostgreSQL itself runs out of space while seeding (~330 MB into 160 MB).
            var templates = new DatabaseTemplates(server) { TemplateBytes = 0 };

            var error = await Assert.ThrowsAsync<LabException>(() => templates.EnsureTemplateAsync("tpl_full", [seed], null, CancellationToken.None));

            AssertDiskFullMessage(error, disk);
            Assert.DoesNotContain("seed.sql", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await server.StopServerAsync();
        }
    }

    private static LabPaths PathsIn(SmallDisk disk) => new(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, disk.Folder);

    private static void AssertDiskFullMessage(LabException error, SmallDisk disk)
    {
        Assert.StartsWith($"The disk holding {Path.Combine(disk.Folder, "postgres", "db")} is full: ", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"full: \d+ MB free, the lab needs about \d+ MB\. Free some space", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
