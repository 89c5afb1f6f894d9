using SysDesignLab.LoadTesting;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios;

/// <summary>A validated scenario: its folder, manifest and the load profiles built from it.</summary>
public sealed class Scenario
{
    internal Scenario(string id, string directory, ScenarioManifest manifest, LoadProfile loadProfile, LoadProfile checkProfile)
    {
        Id = id;
        Directory = directory;
        Manifest = manifest;
        LoadProfile = loadProfile;
        CheckProfile = checkProfile;
    }

    /// <summary>The folder name, e.g. "01-single-server".</summary>
    public string Id { get; }
    /// <summary>"01" for "01-single-server": what the learner may type.</summary>
    public string Number => Id.Split('-')[0];
    public string Directory { get; }
    public ScenarioManifest Manifest { get; }
    public string Title => Manifest.Title;
    public LoadProfile LoadProfile { get; }
    public LoadProfile CheckProfile { get; }
    /// <summary>Faults injected during `sdlab load` and the web lab's load, from the start of the load.</summary>
    public IReadOnlyList<Orchestration.Faults.Fault> LoadFaults { get; init; } = [];
    /// <summary>Faults injected during each run of the check (baseline and measured).</summary>
    public IReadOnlyList<Orchestration.Faults.Fault> CheckFaults { get; init; } = [];
    public AppSpec App => Manifest.App!;
    public CheckSpec Check => Manifest.Check!;
    public IReadOnlyList<string> Hints => Manifest.Hints;

    public string AppProjectPath => Path.Combine(Directory, App.Project);
    public string SolutionProjectPath => Path.Combine(Directory, App.Solution);
    public string AppDirectory => Path.GetDirectoryName(AppProjectPath)!;
    public string SolutionDirectory => Path.GetDirectoryName(SolutionProjectPath)!;
    public string GuidePath => Path.Combine(Directory, "SCENARIO.md");
    public string AssemblyName => Path.GetFileNameWithoutExtension(App.Project);

    /// <summary>
    /// A path to open in a browser: the load's first GET endpoint with its placeholders filled, from a
    /// fixed seed so it is the same on every start (e.g. "/users/9/posts", not "/users/{int:1:100000}/posts").
    /// </summary>
    public string ExamplePath()
    {
        var endpoint = LoadProfile.Endpoints.FirstOrDefault(e => string.Equals(e.Method, "GET", StringComparison.OrdinalIgnoreCase))
            ?? LoadProfile.Endpoints[0];
        return RequestTemplate.Parse(endpoint.Path).Render(new Random(1));
    }

    public IReadOnlyList<string> DatabaseScripts =>
        Manifest.Database is { } db
            ? new[] { db.Schema, db.Seed }.Where(s => !string.IsNullOrEmpty(s)).Select(s => Path.Combine(Directory, s!)).ToList()
            : [];
}
