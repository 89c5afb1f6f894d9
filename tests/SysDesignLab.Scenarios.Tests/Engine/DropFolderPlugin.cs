using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Engine;

// A resource kind, a probe and a metric source that exist only in this test assembly: a "drop
// folder" the app writes one file into per request. The engine has never heard of any of them.

/// <summary>"drop-folder": a folder made fresh for each run; its connection string is the folder's path.</summary>
public sealed class DropFolderKind : IResourceKind
{
    public string Name => "drop-folder";
    public string Description => "a folder the app drops files into (test plug-in)";
    public Prerequisite? Prerequisite => null;

    public void Validate(ResourceSpec spec, ScenarioManifest manifest, ManifestCheck check, string at) =>
        check.RequireKnownSettings(spec.Settings, ["prefix"], at);

    public ResourceBinding Bind(ResourceSpec spec, BindContext context) => new Binding(spec, this, context.Paths);

    public Task StopAllAsync(LabPaths paths, IProgress<string>? progress) => Task.CompletedTask;

    private sealed class Binding(ResourceSpec spec, DropFolderKind kind, LabPaths paths) : ResourceBinding(spec, kind)
    {
        public override LabResource? AddToRun(LabHost host, RunContext run)
        {
            var folder = host.Add(new DropFolder(Name, Path.Combine(paths.StateRoot, "drops", Name + run.Suffix), Spec.Settings.GetValueOrDefault("prefix", "drop")));
            run.SetPart(Name, folder);
            return folder;
        }

        public override string? ConnectionString(RunContext run) => run.Part<DropFolder>(Name) is { } f ? $"{f.Folder}|{f.Prefix}" : null;
    }
}

/// <summary>The folder as a lab resource: no process, healthy once it exists.</summary>
public sealed class DropFolder(string name, string folder, string prefix) : LabResource(name)
{
    public string Folder => folder;
    public string Prefix => prefix;
    public override string Kind => "drop-folder";
    public override IReadOnlyList<Endpoint> Endpoints => [];
    public override string? LogPath => null;
    public override int? ProcessId => null;
    public int Files => Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(Directory.Exists(folder));
    public override void ThrowIfFailed() { }
    public override Task StopAsync() => Task.CompletedTask;
}

/// <summary>"drops-per-request": files dropped during the load, per request.</summary>
public sealed class DropFolderMetrics : IMetricSource
{
    public string ResourceKind => "drop-folder";
    public IReadOnlyList<MetricInfo> Metrics { get; } = [new("dropsPerRequest", "files dropped per request", MetricFormat.Fraction, "files")];

    public Task<IMetricWindow> StartAsync(ResourceBinding binding, RunContext run, CancellationToken cancellationToken) =>
        Task.FromResult<IMetricWindow>(new Window(run.Part<DropFolder>(binding.Name)!));

    private sealed class Window(DropFolder folder) : IMetricWindow
    {
        private readonly int _before = folder.Files;

        public Task LoadEndedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyDictionary<string, double>> FinishAsync(long requests, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, double>>(new Dictionary<string, double> { ["dropsPerRequest"] = (folder.Files - _before) / (double)Math.Max(requests, 1) });
    }
}

/// <summary>The probe's own field, beside CriterionSpec's.</summary>
public sealed record DropProbeSettings(string? ExpectPrefix);

/// <summary>"drop-prefix": after the load, every dropped file's name starts with the expected prefix.</summary>
public sealed class DropPrefixProbe : ICheckProbe
{
    public string Name => "drop-prefix";
    public ProbePhase Phase => ProbePhase.AfterLoad;
    public Type SettingsType => typeof(DropProbeSettings);

    public void Validate(CriterionSpec criterion, ManifestCheck check, string at) =>
        check.Require(criterion.SettingsAs<DropProbeSettings>().ExpectPrefix, $"{at}.expectPrefix");

    public Task<CriterionResult> RunAsync(CriterionSpec criterion, ProbeContext context, CancellationToken cancellationToken)
    {
        var prefix = criterion.SettingsAs<DropProbeSettings>().ExpectPrefix!;
        var folder = context.Run.Part<DropFolder>()!;
        var files = Directory.GetFiles(folder.Folder).Select(Path.GetFileName).ToList();
        var wrong = files.Count(f => !f!.StartsWith(prefix, StringComparison.Ordinal));
        return Task.FromResult(new CriterionResult(criterion.Name, criterion.Kind, files.Count > 0 && wrong == 0,
            $"every file starts with '{prefix}'", $"{files.Count} files, {wrong} without it", criterion.Where));
    }
}
