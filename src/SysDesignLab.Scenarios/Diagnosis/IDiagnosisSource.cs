using SysDesignLab.Orchestration;

namespace SysDesignLab.Scenarios.Diagnosis;

/// <summary>
/// Live figures of one kind of resource, read by the lab from outside the app once a second while
/// a run lasts (the dashboard's Diagnosis panel). Found by <see cref="ResourceKind"/> in
/// <see cref="Engine.LabRegistry"/>: a kind adds its figures with one class in its Kinds/ folder.
/// </summary>
public interface IDiagnosisSource
{
    /// <summary>The resource kind this source reads ("postgres", "redis").</summary>
    string ResourceKind { get; }

    /// <summary>Opens a probe of one resource of the run; throws when it cannot be reached yet (the sampler tries again next second).</summary>
    Task<IDiagnosisProbe> OpenAsync(DiagnosisResource resource, CancellationToken cancellationToken);
}

/// <summary>One open view of a resource (a connection of its own, counters to take deltas of).</summary>
public interface IDiagnosisProbe : IAsyncDisposable
{
    Task<ResourceDiagnosis> SampleAsync(CancellationToken cancellationToken);
}

/// <summary>A resource of the run to diagnose: its manifest name and kind, the scenario, and the run's suffix ("" for `sdlab start`, "_check" for a check).</summary>
public sealed record DiagnosisResource(string Name, string Kind, Scenario Scenario, string Suffix, LabPaths Paths, TimeProvider Time);

/// <summary>What one resource shows this second: figures, and for a database the queries it is running.</summary>
public sealed record ResourceDiagnosis(string Name, string Kind, IReadOnlyList<DiagnosisFigure> Figures)
{
    public IReadOnlyList<ActiveQuery>? Queries { get; init; }

    /// <summary>How many sessions there are in all (the list shows at most a few).</summary>
    public int? Sessions { get; init; }

    /// <summary>Why there are no figures this second (the server does not answer), when that is the case.</summary>
    public string? Problem { get; init; }
}

/// <param name="Term">The glossary term (its anchor on /glossary) that explains the figure.</param>
/// <param name="Tip">One line of plain English shown on hover.</param>
public sealed record DiagnosisFigure(string Label, double? Value, string Unit, string Term, string Tip);

/// <summary>One session of the database: what it is doing (state, what it waits for) and for how long.</summary>
public sealed record ActiveQuery(string State, string? WaitEvent, double Seconds, string Query);
