using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Projects;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Running;

/// <summary>
/// Builds a scenario's app and puts its system together for a <see cref="LabHost"/>: each manifest
/// resource through its kind in the <see cref="LabRegistry"/>, then the app's instances with the
/// connection strings of what they reference, then whatever stands in front of them.
/// </summary>
public sealed class ScenarioEnvironment(LabPaths paths, LabRegistry? registry = null, TimeProvider? timeProvider = null)
{
    public LabPaths Paths => paths;
    public LabRegistry Registry { get; } = registry ?? LabRegistry.Default;

    public string ProjectFor(Scenario scenario, AppVariant variant) => variant switch
    {
        AppVariant.Learner => scenario.AppProjectPath,
        AppVariant.Solution => scenario.SolutionProjectPath,
        _ => NaiveSnapshot.ProjectPath(scenario),
    };

    public async Task<string> BuildAsync(Scenario scenario, AppVariant variant, CancellationToken cancellationToken)
    {
        if (variant == AppVariant.Naive)
        {
            await NaiveSnapshot.EnsureAsync(scenario, cancellationToken);
        }
        var output = Path.Combine(paths.Builds, scenario.Id, variant.ToString().ToLowerInvariant());
        return await DotnetBuild.BuildAsync(ProjectFor(scenario, variant), output, scenario.AssemblyName, cancellationToken);
    }

    /// <summary>The scenario's resources for one lab command, each through its kind, prepared (built) and ready to start.</summary>
    public async Task<IReadOnlyList<ResourceBinding>> BindAsync(Scenario scenario, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var bound = new List<ResourceBinding>();
        foreach (var spec in scenario.Manifest.Resources)
        {
            var kind = Registry.Kind(spec.Kind)
                ?? throw new LabException($"{scenario.Id} asks for a resource of kind '{spec.Kind}', which this lab does not know.");
            var binding = kind.Bind(spec, new BindContext(scenario, paths, progress) { Bound = bound.ToList() });
            await binding.PrepareAsync(cancellationToken);
            bound.Add(binding);
        }
        return bound;
    }

    /// <summary>Starts the servers the command's runs share (PostgreSQL, a broker), if any, on <paramref name="infrastructure"/>.</summary>
    public static async Task StartSharedAsync(LabHost infrastructure, IReadOnlyList<ResourceBinding> bindings, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        foreach (var server in bindings.SelectMany(b => b.SharedServers))
        {
            infrastructure.Add(server);
        }
        if (infrastructure.Resources.Count > 0)
        {
            await infrastructure.StartAsync(progress, cancellationToken);
        }
    }

    /// <summary>
    /// Adds one run of the system to <paramref name="host"/>: each resource's fresh part, the app's
    /// instances (each waits for what it references), then what stands in front of them.
    /// </summary>
    public RunContext AddTo(LabHost host, Scenario scenario, IReadOnlyList<ResourceBinding> bindings, AppVariant variant, string assemblyPath, string suffix, bool exitWithLab, IProgress<string>? progress)
    {
        var run = new RunContext(scenario, paths, suffix, exitWithLab, progress, timeProvider)
        {
            Bindings = bindings,
            AppFolder = Path.GetDirectoryName(ProjectFor(scenario, variant)),
        };
        var parts = new Dictionary<string, LabResource?>(StringComparer.Ordinal);
        foreach (var binding in bindings.Where(b => !b.InFrontOfApps))
        {
            parts[binding.Name] = binding.AddToRun(host, run);
        }
        var apps = new List<DotnetAppResource>();
        for (var i = 1; i <= scenario.App.Replicas; i++)
        {
            var name = scenario.App.Replicas == 1 ? "app" : $"app-{i}";
            var logPath = Path.Combine(paths.Logs, $"{scenario.Id}-{variant.ToString().ToLowerInvariant()}{suffix}-{name}.log");
            var app = new DotnetAppResource(name, assemblyPath, logPath)
            {
                HealthPath = scenario.App.Health,
                ExitWithLab = exitWithLab,
                // Instances behind a balancer stand for separate machines: each gets its own folders.
                HostFolder = scenario.App.Replicas == 1 ? null : Path.Combine(paths.Hosts, $"{scenario.Id}{suffix}-{name}"),
            };
            foreach (var reference in scenario.App.References)
            {
                var (connectionName, resource) = AppSpec.ParseReference(reference);
                var binding = run.Binding(resource)!;
                if (parts.GetValueOrDefault(resource) is { } part)
                {
                    app.WaitsFor(part);
                }
                app.WithEnvironment($"ConnectionStrings__{connectionName}", () => binding.ConnectionString(run) ?? "");
            }
            apps.Add(host.Add(app));
        }
        run.Apps = apps;
        run.EntryPoint = apps[0];
        foreach (var binding in bindings.Where(b => b.InFrontOfApps))
        {
            binding.AddToRun(host, run);
        }
        return run;
    }
}
