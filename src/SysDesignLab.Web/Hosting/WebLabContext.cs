using SysDesignLab.Orchestration;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Web.Hosting;

/// <summary>What the pages and actions share: the lab's folders, the scenarios, the progress store. The same objects the CLI builds.</summary>
public sealed class WebLabContext(LabPaths paths, TimeProvider time) : IDisposable
{
    private readonly Lazy<ProgressStore> _store = new(() => ProgressStore.Open(paths.ProgressDatabase, time));

    public LabPaths Paths => paths;
    public TimeProvider Time => time;
    public ScenarioCatalog Catalog { get; } = new(paths.ScenariosRoot);
    public ScenarioEnvironment Environment { get; } = new(paths);
    public ProgressStore Store => _store.Value;

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }
}
