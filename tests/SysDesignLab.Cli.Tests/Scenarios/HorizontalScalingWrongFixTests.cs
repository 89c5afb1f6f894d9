namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Scenario 04's most tempting wrong fix, from its "Stuck?" table: sessions moved to the database
/// and the pool split, but the claim still read-then-write under a lock that only its own instance
/// sees. The check must fail on the claim count, and say why.
/// </summary>
[Trait("Category", "Scenario")]
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
}
