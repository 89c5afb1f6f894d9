using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Engine;

/// <summary>
/// The plug-in shape: a resource kind, a probe and a metric source defined only in this test
/// assembly are used by a manifest and a real check, with no edit to the engine.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PluginShapeTests
{
    private const string Manifest = """
    {
      "title": "Plug-in scenario", "tier": "crawling", "order": 1, "concepts": ["plug-ins"],
      "resources": [{ "kind": "drop-folder", "name": "drops", "settings": { "prefix": "req" } }],
      "app": { "project": "app/App.csproj", "solution": "app/App.csproj", "references": ["drops"], "health": "/health" },
      "load": { "users": 2, "duration": "2s", "warmUp": "0s", "timeout": "10s", "endpoints": [{ "name": "drop", "path": "/drop" }] },
      "check": { "users": 2, "duration": "2s", "warmUp": "0s", "timeout": "10s",
        "criteria": [
          { "name": "Answers", "kind": "performance", "metric": "successRate", "op": ">=", "value": 0.9, "where": "Program.cs" },
          { "name": "One drop per request", "kind": "right-way", "metric": "dropsPerRequest", "op": ">=", "value": 0.9, "where": "Program.cs" },
          { "name": "Drops are named", "kind": "correctness", "probe": "drop-prefix", "expectPrefix": "req-", "where": "Program.cs" }
        ] },
      "hints": ["drop a file"]
    }
    """;

    private const string Program = """
    var builder = WebApplication.CreateBuilder(args);
    var app = builder.Build();
    var parts = builder.Configuration.GetConnectionString("drops")!.Split('|');
    app.MapGet("/health", () => "ok");
    app.MapGet("/drop", () => { File.WriteAllText(Path.Combine(parts[0], $"{parts[1]}-{Guid.NewGuid():N}"), ""); return "dropped"; });
    app.Run();
    """;

    private const string Project = """
    <Project Sdk="Microsoft.NET.Sdk.Web">
      <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
    </Project>
    """;

    private static readonly LabRegistry Registry = LabRegistry.Default.WithAssembly(typeof(DropFolderKind).Assembly);

    [Fact]
    public void The_lab_alone_does_not_know_the_plug_in_kind()
    {
        using var folder = Folder(Manifest);

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Contains("drop-folder", error.Message);
    }

    [Fact]
    public void A_plug_in_probe_refuses_a_field_it_does_not_declare()
    {
        using var folder = Folder(Manifest.Replace("\"expectPrefix\"", "\"expectPrefx\"", StringComparison.Ordinal));

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path, Registry));

        Assert.Contains("expectPrefx", error.Message);
    }

    [Fact]
    public async Task A_check_uses_a_kind_a_probe_and_a_metric_source_from_another_assembly()
    {
        using var folder = Folder(Manifest);
        var scenario = ManifestLoader.Load(folder.Path, Registry);
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, LabPaths.CreateTemporaryStateRoot("sdlab-plugin-"));
        var runner = new CheckRunner(new ScenarioEnvironment(paths, Registry), store: null);

        var report = await runner.RunAsync(scenario, AppVariant.Learner, new CheckCallbacks(), CancellationToken.None);

        Assert.True(report.Passed, string.Join("\n", report.Criteria.Select(c => $"{c.Name}: {c.Expected} / {c.Actual}")));
        Assert.EndsWith(" files", report.Criteria.Single(c => c.Name == "One drop per request").Actual);
        Assert.Contains("without it", report.Criteria.Single(c => c.Name == "Drops are named").Actual);
    }

    [Fact]
    public async Task A_check_runs_its_fault_schedule_beside_the_load_and_reports_each_fault()
    {
        var withFaults = Manifest.Replace("""
        "check": { "users": 2, "duration": "2s",
        """, """
        "check": { "users": 2, "duration": "3s", "faults": [{ "at": "1s", "action": "pause", "target": "app", "for": "1s" }],
        """, StringComparison.Ordinal);
        Assert.NotEqual(Manifest, withFaults);
        using var folder = Folder(withFaults);
        var scenario = ManifestLoader.Load(folder.Path, Registry);
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, LabPaths.CreateTemporaryStateRoot("sdlab-plugin-faults-"));
        var events = new List<string>();
        var callbacks = new CheckCallbacks { Fault = (_, e) => events.Add(e.ToString()) };

        var report = await new CheckRunner(new ScenarioEnvironment(paths, Registry), store: null).RunAsync(scenario, AppVariant.Learner, callbacks, CancellationToken.None);

        Assert.Equal(2, report.Faults!.Count);
        Assert.Contains("paused app", report.Faults[0]);
        Assert.Equal(report.Faults, events);
        Assert.Null(report.Crashes);
    }

    [Fact]
    public void A_fault_on_a_process_the_scenario_does_not_have_is_a_manifest_error_listing_the_ones_it_has()
    {
        using var folder = Folder(Manifest.Replace("""
        "check": { "users": 2, "duration": "2s",
        """, """
        "check": { "users": 2, "duration": "2s", "faults": [{ "at": "1s", "action": "kill", "target": "worker" }],
        """, StringComparison.Ordinal));

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path, Registry));

        Assert.Contains("check.faults", error.Message);
        Assert.Contains("worker", error.Message);
        Assert.Contains("drops", error.Message);
    }

    private static ScenarioFolder Folder(string manifest)
    {
        var folder = new ScenarioFolder("98-plugin", manifest);
        File.WriteAllText(Path.Combine(folder.Path, "app", "App.csproj"), Project);
        File.WriteAllText(Path.Combine(folder.Path, "app", "Program.cs"), Program);
        return folder;
    }
}
