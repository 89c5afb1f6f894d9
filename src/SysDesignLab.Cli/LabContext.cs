using SysDesignLab.Orchestration;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Cli;

/// <summary>What every command needs: where the repository and the lab state are, the scenarios, the progress store.</summary>
public sealed class LabContext : IDisposable
{
    private ProgressStore? _store;

    private LabContext(LabPaths paths)
    {
        Paths = paths;
        Catalog = new ScenarioCatalog(paths.ScenariosRoot);
        Environment = new ScenarioEnvironment(paths);
    }

    public LabPaths Paths { get; }
    public ScenarioCatalog Catalog { get; }
    public ScenarioEnvironment Environment { get; }
    public TimeProvider Time { get; } = TimeProvider.System;
    public ProgressStore Store => _store ??= ProgressStore.Open(Paths.ProgressDatabase, Time);

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
        return new LabContext(new LabPaths(root));
    }

    public void Dispose() => _store?.Dispose();
}
