using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Engine;

/// <summary>What a probe may use: the running system, an HTTP client, the clock, and the end of the load.</summary>
public sealed class ProbeContext(RunContext run, HttpClient http, TimeProvider time, CancellationToken loadEnded)
{
    public RunContext Run => run;
    public HttpClient Http => http;
    public TimeProvider Time => time;
    public Uri AppUrl => run.EntryPoint.BaseUrl;

    /// <summary>Fires when the load is over: a during-load probe stops and returns its verdict.</summary>
    public CancellationToken LoadEnded => loadEnded;

    /// <summary>The run's database, or null when the scenario has none.</summary>
    public PostgresDatabase? Database => run.Part<PostgresDatabase>();

    /// <summary>The verdict of a probe that needs a database in a scenario without one.</summary>
    public static CriterionResult NoDatabase(CriterionSpec criterion) =>
        new(criterion.Name, criterion.Kind, false, "a database", "the scenario has none", criterion.Where);
}
