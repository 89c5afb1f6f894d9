namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Correct pools for scenario 03 that are not the reference solution's data source with
/// MaxPoolSize = 20. The check judges reuse within the connection budget, however it is built.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "03")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class ConnectionPoolingValidFixTests
{
    [Fact]
    public async Task Check_passes_connection_string_pooling_without_a_data_source()
    {
        using var copy = new RepositoryCopy("03-connection-pooling");
        // The classic ADO.NET way: new NpgsqlConnection per request, pooled behind the scenes by its connection string.
        copy.Edit("app/Program.cs", "{ Pooling = false }", "{ Pooling = true, MaxPoolSize = 25 }");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "03", "string-pool");

        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public async Task Check_passes_a_default_sized_pool_behind_a_semaphore()
    {
        using var copy = new RepositoryCopy("03-connection-pooling");
        // Npgsql's default pool (up to 100) would exceed the budget; a semaphore of 20 caps it in the app instead.
        copy.Edit("app/Program.cs", "var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };",
            "var settings = new NpgsqlConnectionStringBuilder(connectionString);\nawait using var db = NpgsqlDataSource.Create(settings.ConnectionString);\nvar slots = new SemaphoreSlim(20);");
        copy.Edit("app/Program.cs", "    await using var connection = new NpgsqlConnection(settings.ConnectionString);\n    await connection.OpenAsync();\n",
            "    await slots.WaitAsync();\n    using var slot = new Slot(slots);\n    await using var connection = await db.OpenConnectionAsync();\n");
        File.AppendAllText(Path.Combine(copy.ScenarioDirectory, "app", "Program.cs"),
            "\ninternal sealed class Slot(SemaphoreSlim slots) : IDisposable\n{\n    public void Dispose() => slots.Release();\n}\n");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "03", "semaphore-pool");

        Assert.True(check.ExitCode == 0, check.Output);
    }
}
