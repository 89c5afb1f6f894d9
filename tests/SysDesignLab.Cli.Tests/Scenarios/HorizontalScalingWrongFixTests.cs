using static SysDesignLab.Cli.Tests.Scenarios.HorizontalScalingFixes;

namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Scenario 04's most tempting wrong fix, from its "Stuck?" table: sessions moved to the database
/// and the pool split, but the claim still read-then-write under a lock that only its own instance
/// sees. The check must fail on the claim count, and say why.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "04")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class HorizontalScalingWrongFixTests
{
    // The naive claim, as a learner keeps it after fixing everything else.
    private const string LockGuardedClaim =
        """
        var claimLock = new SemaphoreSlim(1, 1);
        app.MapPost("/drops/{id:long}/claim", async (long id, HttpRequest request) =>
        {
            await using var connection = await db.OpenConnectionAsync();
            if (await SignedInUserAsync(request, connection) is not { } userId)
            {
                return Results.Unauthorized();
            }

            await claimLock.WaitAsync();
            try
            {
                await using var read = new NpgsqlCommand("SELECT remaining FROM drops WHERE id = @id", connection);
                read.Parameters.AddWithValue("id", id);
                if (await read.ExecuteScalarAsync() is not int remaining)
                {
                    return Results.NotFound();
                }
                if (remaining <= 0)
                {
                    return Results.Conflict(new { error = "sold out" });
                }

                await using var write = new NpgsqlCommand("UPDATE drops SET remaining = @remaining WHERE id = @id", connection);
                write.Parameters.AddWithValue("remaining", remaining - 1);
                write.Parameters.AddWithValue("id", id);
                await write.ExecuteNonQueryAsync();

                await using var insert = new NpgsqlCommand("INSERT INTO claims (drop_id, user_id) VALUES (@drop, @user) RETURNING id", connection);
                insert.Parameters.AddWithValue("drop", id);
                insert.Parameters.AddWithValue("user", userId);
                var claimId = (long)(await insert.ExecuteScalarAsync())!;
                return Results.Ok(new { claim = claimId, remaining = remaining - 1 });
            }
            finally
            {
                claimLock.Release();
            }
        });

        app.Run();
        """;

    [Fact]
    public async Task Sessions_in_the_database_but_a_lock_guarded_claim_fails_on_the_claim_count()
    {
        using var copy = new RepositoryCopy("04-horizontal-scaling");
        var program = File.ReadAllText(Path.Combine(copy.ScenarioDirectory, "solution", "Program.cs"));
        var claimStart = program.IndexOf("app.MapPost(\"/drops/{id:long}/claim\"", StringComparison.Ordinal);
        var claimEnd = program.IndexOf("app.Run();", StringComparison.Ordinal) + "app.Run();".Length;
        Assert.True(claimStart > 0 && claimEnd > claimStart, "the solution's claim endpoint moved; update this test");
        File.WriteAllText(Path.Combine(copy.ScenarioDirectory, "app", "Program.cs"), program[..claimStart] + LockGuardedClaim + program[claimEnd..]);
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "04", "wrong-fix");

        Assert.True(check.ExitCode == 1, check.Output);
        var claimed = check["Claimed equals stock"];
        Assert.False(claimed.Passed, check.Output);
        Assert.Contains("does not stop the other instance", claimed.Where, StringComparison.Ordinal);
        // Everything else the learner fixed does pass: the claim is the one thing left.
        Assert.True(check["GET /me succeeds on both instances"].Passed, check.Output);
        Assert.True(check["Peak connections to the database"].Passed, check.Output);
        Assert.Contains("Claimed equals stock", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stock_split_between_instances_at_startup_fails_when_the_drop_is_restocked()
    {
        using var copy = new RepositoryCopy("04-horizontal-scaling");
        copy.UseSolutionProgram();
        // Each instance takes half of the stock into its own memory at start-up and sells from it
        // without asking the database: exactly 300 sold, until the stock changes under it.
        copy.Edit(ProgramFile, "var app = builder.Build();", """
            await using (var start = db.CreateCommand("SELECT remaining FROM drops WHERE id = 1"))
            {
                Stock.Left = (int)(await start.ExecuteScalarAsync())! / Instances;
            }

            var app = builder.Build();
            """);
        copy.ReplaceBetween(ProgramFile, ClaimStart, ClaimEnd, """
                if (Interlocked.Decrement(ref Stock.Left) < 0)
                {
                    return Results.Conflict(new { error = "sold out" });
                }
                await using var sell = new NpgsqlCommand(
                    "WITH sold AS (UPDATE drops SET remaining = remaining - 1 WHERE id = @drop) INSERT INTO claims (drop_id, user_id) VALUES (@drop, @user) RETURNING id",
                    connection);
                sell.Parameters.AddWithValue("drop", id);
                sell.Parameters.AddWithValue("user", userId);
                return Results.Ok(new { claim = (long)(await sell.ExecuteScalarAsync())!, remaining = Math.Max(Stock.Left, 0) });
            });
            """);
        File.AppendAllText(Path.Combine(copy.ScenarioDirectory, ProgramFile), "\ninternal static class Stock\n{\n    public static int Left;\n}\n");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "04", "stock-in-memory");

        Assert.True(check.ExitCode == 1, check.Output);
        var claimed = check["Claimed equals stock"];
        Assert.False(claimed.Passed, check.Output);
        Assert.Contains("never sees a restock", claimed.Where, StringComparison.Ordinal);
        Assert.True(check["GET /me succeeds on both instances"].Passed, check.Output);
    }

    [Fact]
    public async Task Sessions_kept_in_the_temp_folder_fail_when_each_instance_has_its_own()
    {
        using var copy = new RepositoryCopy("04-horizontal-scaling");
        copy.UseSolutionProgram();
        // Shared on one laptop, where both instances see the same /tmp; not on two servers.
        copy.ReplaceBetween(ProgramFile, RememberStart, RememberEnd, """
                var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
                Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "chirp-sessions"));
                await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "chirp-sessions", token), userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return Results.Ok(new { token });
            """);
        copy.ReplaceBetween(ProgramFile, LookupStart, LookupEnd, """
            static async Task<long?> SignedInUserAsync(HttpRequest request, NpgsqlConnection connection)
            {
                var header = request.Headers.Authorization.ToString();
                if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
                {
                    return null;
                }
                var file = Path.Combine(Path.GetTempPath(), "chirp-sessions", Path.GetFileName(header["Bearer ".Length..]));
                return File.Exists(file) ? long.Parse(await File.ReadAllTextAsync(file), System.Globalization.CultureInfo.InvariantCulture) : null;
            }
            """);
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "04", "temp-sessions");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.False(check["GET /me succeeds on both instances"].Passed, check.Output);
        Assert.True(check["Claimed equals stock"].Passed, check.Output);
    }
}
