using SysDesignLab.Orchestration;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>
/// One learner's lab: the scenarios folder they work in and the state folder the lab keeps for
/// them (runs, builds, backups, progress). Everything a <see cref="LabService"/> touches comes from
/// here, so a hosted lab can run one workspace per learner side by side.
/// </summary>
public sealed class LabWorkspace : IDisposable
{
    private readonly Lazy<ProgressStore> _store;

    public LabWorkspace(LabPaths paths, TimeProvider? time = null, LabRegistry? registry = null)
    {
        Paths = paths;
        Time = time ?? TimeProvider.System;
        Registry = registry ?? LabRegistry.Default;
        Catalog = new ScenarioCatalog(paths.ScenariosRoot, Registry);
        Environment = new ScenarioEnvironment(paths, Registry, Time);
        // Opened on first use: `sdlab stop` and `sdlab status` must work even when progress.db is damaged.
        _store = new Lazy<ProgressStore>(() => ProgressStore.Open(paths.ProgressDatabase, Time));
    }

    /// <summary>A workspace over a repository checkout; the state folder defaults to SDLAB_STATE_DIR, else <c>.sdlab/</c> inside it.</summary>
    public static LabWorkspace Create(string repositoryRoot, string? stateRoot = null, TimeProvider? time = null, LabRegistry? registry = null) =>
        new(new LabPaths(repositoryRoot, stateRoot), time, registry);

    public LabPaths Paths { get; }
    public TimeProvider Time { get; }
    public LabRegistry Registry { get; }
    public ScenarioCatalog Catalog { get; }
    public ScenarioEnvironment Environment { get; }
    public ProgressStore Store => _store.Value;

    /// <summary>
    /// A path as a learner should read it: short inside the repository, in full when the state
    /// folder lives elsewhere (SDLAB_STATE_DIR), where a relative path would be a maze of "..".
    /// </summary>
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(Paths.RepositoryRoot, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }
}
