namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// The parts of scenario 07's reference solution that its fix tests swap for a learner's version:
/// what a post remembers, and where GET /me/posts reads.
/// </summary>
internal static class ReplicationFixes
{
    public const string ScenarioId = "07-replication";
    public const string ProgramFile = "app/Program.cs";
    public const string ReadYourWrites = "Your own post is on your page at once";
    public const string ReplicaShare = "Share of reads served by the replica";
    public const string PrimaryRows = "Rows the primary reads per request";

    // After the post is inserted: the solution keeps the primary's WAL position in the session row.
    public const string RememberStart = "    // Read-your-writes: remember how far";
    public const string RememberEnd = "    await remember.ExecuteNonQueryAsync();\n";

    // GET /me/posts asks this for its data source.
    public const string ChooseSource = "    var source = await ReadSourceAsync(session);";

    public const string ReadSourceStart = "// Where this user's reads of their own data may go";
    public const string ReadSourceEnd = "    return await command.ExecuteScalarAsync() is true ? replica : db;\n}";

    /// <summary>A learner's pinning window: after a post, the session's own reads stay on the primary for <paramref name="interval"/>.</summary>
    public static void PinInTheDatabase(RepositoryCopy copy, string interval)
    {
        copy.UseSolutionProgram();
        copy.ReplaceBetween(ProgramFile, RememberStart, RememberEnd, """
                await using var remember = db.CreateCommand("UPDATE sessions SET last_write_at = now() WHERE token = @token");
                remember.Parameters.AddWithValue("token", session.Token);
                await remember.ExecuteNonQueryAsync();

            """);
        copy.ReplaceBetween(ProgramFile, ReadSourceStart, ReadSourceEnd, $$"""
            // Pinned to the primary for a while after my last post.
            async Task<NpgsqlDataSource> ReadSourceAsync(Session session)
            {
                await using var command = db.CreateCommand("SELECT last_write_at > now() - interval '{{interval}}' FROM sessions WHERE token = @token");
                command.Parameters.AddWithValue("token", session.Token);
                return await command.ExecuteScalarAsync() is true ? db : replica;
            }
            """);
    }

    /// <summary>GET /me/posts always reads <paramref name="source"/>; nothing is remembered after a post.</summary>
    public static void OwnPageFrom(RepositoryCopy copy, string source)
    {
        copy.UseSolutionProgram();
        copy.ReplaceBetween(ProgramFile, RememberStart, RememberEnd, "");
        copy.ReplaceBetween(ProgramFile, ReadSourceStart, ReadSourceEnd, "");
        copy.Edit(ProgramFile, ChooseSource, $"    var source = {source};");
    }
}
