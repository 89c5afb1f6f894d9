namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>Checks measure performance: they run one at a time, never beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScenarioChecksCollection
{
    public const string Name = "scenario checks";
}
