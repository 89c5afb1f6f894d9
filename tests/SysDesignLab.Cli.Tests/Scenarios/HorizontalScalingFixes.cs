namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>The parts of scenario 04's reference solution that its fix tests swap for a learner's version.</summary>
internal static class HorizontalScalingFixes
{
    public const string ProgramFile = "app/Program.cs";

    public const string ClaimStart = "    await using var claim = new NpgsqlCommand(";
    public const string ClaimEnd = "        : Results.Conflict(new { error = \"sold out\" });\n});";

    public const string RememberStart = "    var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));";
    public const string RememberEnd = "    return Results.Ok(new { token });";

    public const string LookupStart = "static async Task<long?> SignedInUserAsync(";
    public const string LookupEnd = "    return await command.ExecuteScalarAsync() as long?;\n}";
}
