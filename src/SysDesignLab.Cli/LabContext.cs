using SysDesignLab.Orchestration;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Cli;

/// <summary>
/// What every command needs: the learner's lab (this checkout and its state folder) and the
/// <see cref="LabService"/> that carries its rules. Commands call the service and present.
/// </summary>
public sealed class LabContext : IDisposable
{
    private LabContext(LabWorkspace workspace)
    {
        Workspace = workspace;
        Service = new LabService(workspace);
    }

    public LabWorkspace Workspace { get; }
    public LabService Service { get; }
    public LabPaths Paths => Workspace.Paths;
    public ScenarioCatalog Catalog => Workspace.Catalog;
    public TimeProvider Time => Workspace.Time;
    public ProgressStore Store => Workspace.Store;

    public static LabContext Create()
    {
        var root = System.Environment.GetEnvironmentVariable("SDLAB_ROOT") is { Length: > 0 } explicitRoot
            ? explicitRoot
            : LabPaths.FindRepositoryRoot(System.Environment.CurrentDirectory)
              ?? LabPaths.FindRepositoryRoot(AppContext.BaseDirectory);
        if (root is null)
        {
            throw new LabException("This is not a SysDesign Lab folder: no SysDesignLab.slnx here or above. Run sdlab from inside the repository (or set SDLAB_ROOT).");
        }
        return new LabContext(LabWorkspace.Create(root));
    }

    public void Dispose() => Workspace.Dispose();
}
