namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>The parts of scenario 05's reference solution that its fix tests swap for a learner's version.</summary>
internal static class CachingFixes
{
    public const string Scenario = "05-caching";
    public const string ProgramFile = "app/Program.cs";
    public const string ConfigFile = "app/redis.conf";

    public const string Ttl = "var pageTtl = TimeSpan.FromMinutes(1);";
    public const string Invalidate = "    await cache.KeyDeleteAsync(PageKey(id));";
    public const string Policy = "maxmemory-policy allkeys-lru";

    /// <summary>Starts from the reference solution: its Program.cs and its redis.conf, as a learner who fixed part of it would.</summary>
    public static void UseSolution(RepositoryCopy copy)
    {
        copy.UseSolutionProgram();
        File.Copy(Path.Combine(copy.ScenarioDirectory, "solution", "redis.conf"), Path.Combine(copy.ScenarioDirectory, ConfigFile), overwrite: true);
    }
}
