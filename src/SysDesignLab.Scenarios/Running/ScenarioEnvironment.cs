using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Projects;

namespace SysDesignLab.Scenarios.Running;

/// <summary>Builds a scenario's app and describes its resources (server, fresh database, app) for a <see cref="LabHost"/>.</summary>
public sealed class ScenarioEnvironment(LabPaths paths)
{
    public LabPaths Paths => paths;

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

    public PostgresServer? CreatePostgres(Scenario scenario, IProgress<string>? progress = null)
    {
        var spec = scenario.Manifest.Resources.FirstOrDefault(r => r.Kind == "postgres");
        return spec is null ? null : new PostgresServer(spec.Name, paths, spec.Settings) { Progress = progress };
    }

    /// <summary>
    /// Adds a fresh database and the app to <paramref name="host"/>; the app waits for its data.
    /// The server is shared and started separately, so several runs can use it in turn.
    /// </summary>
    public ScenarioResources AddTo(LabHost host, Scenario scenario, PostgresServer? server, AppVariant variant, string assemblyPath, string databaseSuffix, bool exitWithLab, IProgress<string>? progress)
    {
        PostgresDatabase? database = null;
        if (server is not null)
        {
            var db = scenario.Manifest.Database!;
            database = host.Add(new PostgresDatabase(server, db.Name + databaseSuffix, $"sdlab_tpl_{db.Name}_{scenario.Number}", scenario.DatabaseScripts, progress));
        }
        var replicas = new List<DotnetAppResource>();
        for (var i = 1; i <= scenario.App.Replicas; i++)
        {
            var name = scenario.App.Replicas == 1 ? "app" : $"app-{i}";
            var logPath = Path.Combine(paths.Logs, $"{scenario.Id}-{variant.ToString().ToLowerInvariant()}{databaseSuffix}-{name}.log");
            var app = new DotnetAppResource(name, assemblyPath, logPath)
            {
                HealthPath = scenario.App.Health,
                ExitWithLab = exitWithLab,
                // Instances behind a balancer stand for separate machines: each gets its own folders.
                HostFolder = scenario.App.Replicas == 1 ? null : Path.Combine(paths.Hosts, $"{scenario.Id}{databaseSuffix}-{name}"),
            };
            if (database is not null)
            {
                app.WaitsFor(database);
                if (scenario.App.ConnectionString.Length > 0)
                {
                    app.WithEnvironment($"ConnectionStrings__{scenario.App.ConnectionString}", () => database.ConnectionString);
                }
            }
            replicas.Add(host.Add(app));
        }
        if (LoadBalancerSpec(scenario) is not { } balancer)
        {
            return new ScenarioResources(database, replicas[0], replicas);
        }
        var lb = new DotnetAppResource(balancer.Name, LoadBalancerAssembly, Path.Combine(paths.Logs, $"{scenario.Id}-{balancer.Name}{databaseSuffix}.log"))
        {
            HealthPath = "/health",
            ExitWithLab = exitWithLab,
        };
        foreach (var replica in replicas)
        {
            lb.WaitsFor(replica);
        }
        lb.WithEnvironment("LoadBalancer__Destinations", () => string.Join(',', replicas.Select(r => r.BaseUrl.ToString().TrimEnd('/'))));
        lb.WithEnvironment("LoadBalancer__Policy", () => balancer.Settings.GetValueOrDefault("policy", "RoundRobin"));
        return new ScenarioResources(database, host.Add(lb), replicas);
    }

    private static Manifest.ResourceSpec? LoadBalancerSpec(Scenario scenario) =>
        scenario.Manifest.Resources.FirstOrDefault(r => r.Kind == "loadbalancer");

    private string LoadBalancerAssembly => Path.Combine(paths.Builds, "loadbalancer", "SysDesignLab.LoadBalancer.dll");

    /// <summary>Builds the lab's load balancer when the scenario has one (once; incremental after).</summary>
    public async Task BuildInfrastructureAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        if (LoadBalancerSpec(scenario) is null)
        {
            return;
        }
        var project = Path.Combine(paths.RepositoryRoot, "src", "SysDesignLab.LoadBalancer", "SysDesignLab.LoadBalancer.csproj");
        await DotnetBuild.BuildAsync(project, Path.GetDirectoryName(LoadBalancerAssembly)!, "SysDesignLab.LoadBalancer", cancellationToken);
    }
}
