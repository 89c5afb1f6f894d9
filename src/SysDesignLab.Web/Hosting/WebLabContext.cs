using SysDesignLab.Orchestration;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Web.Hosting;

/// <summary>
/// What the pages and actions share: the learner's lab and the <see cref="LabService"/> that
/// carries its rules, the same service the CLI calls. Pages read the catalog and the store; every
/// action goes through the service.
/// </summary>
public sealed class WebLabContext : IDisposable
{
    public WebLabContext(LabPaths paths, TimeProvider time)
    {
        Workspace = new LabWorkspace(paths, time);
        Service = new LabService(Workspace);
    }

    public LabWorkspace Workspace { get; }
    public LabService Service { get; }
    public LabPaths Paths => Workspace.Paths;
    public TimeProvider Time => Workspace.Time;
    public ScenarioCatalog Catalog => Workspace.Catalog;
    public ProgressStore Store => Workspace.Store;

    public void Dispose() => Workspace.Dispose();
}
