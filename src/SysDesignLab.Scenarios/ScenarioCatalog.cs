using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios;

/// <summary>All scenarios under scenarios/, found by their manifests, in curriculum order.</summary>
public sealed class ScenarioCatalog
{
    private readonly string _root;
    private readonly LabRegistry _registry;

    public ScenarioCatalog(string scenariosRoot, LabRegistry? registry = null)
    {
        _root = scenariosRoot;
        _registry = registry ?? LabRegistry.Default;
    }

    public IReadOnlyList<string> Ids() =>
        Directory.Exists(_root)
            ? Directory.GetDirectories(_root)
                .Where(d => File.Exists(Path.Combine(d, ManifestLoader.FileName)))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    public IReadOnlyList<Scenario> All() => Ids().Select(id => ManifestLoader.Load(Path.Combine(_root, id), _registry)).ToList();

    /// <summary>
    /// Every scenario that loads, and one message per scenario that does not: a malformed manifest
    /// (a learner's stray edit, an author's work in progress) must not hide the others.
    /// </summary>
    public CatalogScan Scan()
    {
        var scenarios = new List<Scenario>();
        var problems = new List<string>();
        foreach (var id in Ids())
        {
            try
            {
                scenarios.Add(ManifestLoader.Load(Path.Combine(_root, id), _registry));
            }
            catch (LabException e)
            {
                problems.Add($"{id} cannot be loaded: {e.Message}");
            }
        }
        return new CatalogScan(scenarios, problems);
    }

    /// <summary>Finds a scenario by its id ("01-single-server"), its number ("01", "1") or its name ("single-server").</summary>
    public Scenario Find(string idOrNumber)
    {
        var ids = Ids();
        var wanted = idOrNumber.Trim().TrimEnd('/');
        wanted = Path.GetFileName(wanted);
        var match = ids.FirstOrDefault(id => id == wanted)
            ?? ids.FirstOrDefault(id => id.Split('-')[0] == wanted.PadLeft(2, '0'))
            ?? ids.FirstOrDefault(id => id.Length > 3 && id[3..] == wanted);
        if (match is null)
        {
            var known = ids.Count == 0 ? "none were found" : string.Join(", ", ids);
            throw new LabException($"There is no scenario '{idOrNumber}'. Known scenarios: {known}. Run `sdlab list` to see them.");
        }
        return ManifestLoader.Load(Path.Combine(_root, match), _registry);
    }
}
