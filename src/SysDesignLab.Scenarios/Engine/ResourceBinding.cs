using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Engine;

/// <summary>
/// A manifest's resource during one lab command. A kind splits its part in two: servers that are
/// slow to start and shared by the command's runs (<see cref="SharedServers"/>, started once) and
/// what each run gets fresh (<see cref="AddToRun"/>: a database copied from its template, an empty
/// cache), so a measured run never sees the data of the run before it.
/// </summary>
public abstract class ResourceBinding(ResourceSpec spec, IResourceKind kind)
{
    public ResourceSpec Spec => spec;
    public string Name => spec.Name;
    public IResourceKind Kind => kind;

    /// <summary>Servers started once per lab command, before any run, and shared by its runs.</summary>
    public virtual IReadOnlyList<LabResource> SharedServers => [];

    /// <summary>
    /// Where apps go through this resource rather than to it (a load balancer): it is added after the
    /// apps, sees them in <see cref="RunContext.Apps"/>, and becomes the run's entry point.
    /// </summary>
    public virtual bool InFrontOfApps => false;

    /// <summary>Work before any server starts, once per lab command (building the balancer from source).</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Adds this run's part to <paramref name="host"/>; returns what apps referencing it wait for.</summary>
    public abstract LabResource? AddToRun(LabHost host, RunContext run);

    /// <summary>What an app referencing this resource gets as ConnectionStrings__NAME, once the run has started.</summary>
    public virtual string? ConnectionString(RunContext run) => null;

    /// <summary>Where a learner reaches it by hand while `sdlab start` runs (a psql or redis-cli command), if anywhere.</summary>
    public virtual string? ConnectCommand(RunContext run) => null;

    /// <summary>The resource's processes in this run, for run.json, the status table and `sdlab stop`.</summary>
    public virtual IEnumerable<LabResource> RunProcesses(RunContext run) => [];

    /// <summary>
    /// `sdlab start`'s processes keep using a shared server after the CLI exits: a kind whose
    /// servers are shared records <paramref name="pid"/> as a user, so no other command stops them.
    /// </summary>
    public virtual void LeaseFor(int pid)
    {
    }
}
