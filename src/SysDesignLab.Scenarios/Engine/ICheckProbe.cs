using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Engine;

/// <summary>When a probe runs, relative to the check's load.</summary>
public enum ProbePhase
{
    /// <summary>On the idle app, before the load: are the answers right, not whether an overloaded app still answers.</summary>
    BeforeLoad,
    /// <summary>While the load runs, until <see cref="ProbeContext.LoadEnded"/> fires (writes read back: staleness).</summary>
    DuringLoad,
    /// <summary>Once the load is over and the app has stopped (totals: claimed equals stock).</summary>
    AfterLoad,
}

/// <summary>
/// A correctness or mechanism check a criterion names with "probe", found by <see cref="Name"/> in
/// the <see cref="LabRegistry"/>. Its settings are the criterion's own fields: the shared ones of
/// <see cref="CriterionSpec"/>, and any others, read with <see cref="CriterionSpec.SettingsAs{T}"/>.
/// </summary>
public interface ICheckProbe
{
    string Name { get; }
    ProbePhase Phase { get; }

    /// <summary>
    /// The type of the probe's own criterion fields, beyond <see cref="CriterionSpec"/>'s, read with
    /// <see cref="CriterionSpec.SettingsAs{T}"/>; a criterion field neither knows is a manifest error.
    /// </summary>
    Type? SettingsType => null;

    /// <summary>Checks the criterion's fields; throws through <paramref name="check"/> on the first problem.</summary>
    void Validate(CriterionSpec criterion, ManifestCheck check, string at);

    /// <summary>Runs the probe (for <see cref="ProbePhase.DuringLoad"/>: until the load ends) and judges it.</summary>
    Task<CriterionResult> RunAsync(CriterionSpec criterion, ProbeContext context, CancellationToken cancellationToken);
}
