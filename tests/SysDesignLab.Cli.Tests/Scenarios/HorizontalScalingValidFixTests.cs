using static SysDesignLab.Cli.Tests.Scenarios.HorizontalScalingFixes;

namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Correct fixes of scenario 04 that are not the reference solution: another concurrency-safe way
/// to sell the stock, and another way for both instances to know who is signed in. The check
/// judges "nothing that must agree lives in one process", so each must pass.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "04")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class HorizontalScalingValidFixTests
{
    [Fact]
    public async Task Check_passes_a_claim_that_locks_the_drop_row_in_a_transaction()
    {
        using var copy = new RepositoryCopy("04-horizontal-scaling");
        copy.UseSolutionProgram();
        // Read-then-write like the naive claim, but under a row lock that every instance's transaction waits for.
        copy.ReplaceBetween(ProgramFile, ClaimStart, ClaimEnd, """
                await using var transaction = await connection.BeginTransactionAsync();
                await using var read = new NpgsqlCommand("SELECT remaining FROM drops WHERE id = @drop FOR UPDATE", connection, transaction);
                read.Parameters.AddWithValue("drop", id);
                if (await read.ExecuteScalarAsync() is not int remaining)
                {
                    return Results.NotFound(new { error = $"drop {id} does not exist" });
                }
                if (remaining <= 0)
                {
                    return Results.Conflict(new { error = "sold out" });
                }
                await using var write = new NpgsqlCommand("UPDATE drops SET remaining = @remaining WHERE id = @drop", connection, transaction);
                write.Parameters.AddWithValue("remaining", remaining - 1);
                write.Parameters.AddWithValue("drop", id);
                await write.ExecuteNonQueryAsync();
                await using var insert = new NpgsqlCommand("INSERT INTO claims (drop_id, user_id) VALUES (@drop, @user) RETURNING id", connection, transaction);
                insert.Parameters.AddWithValue("drop", id);
                insert.Parameters.AddWithValue("user", userId);
                var claimId = (long)(await insert.ExecuteScalarAsync())!;
                await transaction.CommitAsync();
                return Results.Ok(new { claim = claimId, remaining = remaining - 1 });
            });
            """);
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "04", "row-lock");

        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public async Task Check_passes_signed_tokens_that_no_instance_needs_to_remember()
    {
        using var copy = new RepositoryCopy("04-horizontal-scaling");
        copy.UseSolutionProgram();
        // Stateless sessions: the token carries the user id and a signature every instance can check with the same key.
        copy.ReplaceBetween(ProgramFile, RememberStart, RememberEnd, """
                return Results.Ok(new { token = $"{userId}.{Sign(userId)}" });
            """);
        copy.ReplaceBetween(ProgramFile, LookupStart, LookupEnd, """
            static Task<long?> SignedInUserAsync(HttpRequest request, NpgsqlConnection connection)
            {
                var header = request.Headers.Authorization.ToString();
                var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
                var dot = token.IndexOf('.');
                long? user = dot > 0 && long.TryParse(token[..dot], out var id)
                    && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(id)), Encoding.ASCII.GetBytes(token[(dot + 1)..]))
                    ? id
                    : null;
                return Task.FromResult(user);
            }

            // In production the key comes from configuration; every instance gets the same one.
            static string Sign(long userId) => Convert.ToHexString(HMACSHA256.HashData(
                Encoding.UTF8.GetBytes("chirp-session-signing-key"),
                Encoding.UTF8.GetBytes(userId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            """);
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "04", "signed-tokens");

        Assert.True(check.ExitCode == 0, check.Output);
    }
}
