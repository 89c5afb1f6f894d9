using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Projects;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Kinds.LoadBalancer;

/// <summary>
/// "loadbalancer": the lab's YARP balancer in front of the app's replicas; it becomes where the
/// traffic goes. Setting: policy (RoundRobin, LeastRequests, PowerOfTwoChoices, Random).
/// </summary>
public sealed class LoadBalancerKind : IResourceKind
{
    private static readonly string[] Policies = ["RoundRobin", "LeastRequests", "PowerOfTwoChoices", "Random", "FirstAlphabetical"];

    public string Name => "loadbalancer";
    public string Description => "the lab's YARP load balancer in front of the app's replicas";
    public Prerequisite? Prerequisite => null;
    public bool FrontsApps => true;

    public void Validate(ResourceSpec spec, ScenarioManifest manifest, ManifestCheck check, string at)
    {
        check.RequireKnownSettings(spec.Settings, ["policy"], at);
        if (spec.Settings.TryGetValue("policy", out var policy) && !Policies.Contains(policy))
        {
            check.Fail($"{at}.settings.policy", $"is '{policy}'; expected one of {string.Join(", ", Policies)}.");
        }
    }

    public ResourceBinding Bind(ResourceSpec spec, BindContext context) => new Binding(spec, this, context.Paths);

    // Its process belongs to the run: stopping the app stops it.
    public Task StopAllAsync(LabPaths paths, IProgress<string>? progress) => Task.CompletedTask;

    private sealed class Binding(ResourceSpec spec, LoadBalancerKind kind, LabPaths paths) : ResourceBinding(spec, kind)
    {
        private string Assembly => Path.Combine(paths.Builds, "loadbalancer", "SysDesignLab.LoadBalancer.dll");

        public override bool InFrontOfApps => true;

        /// <summary>Builds the balancer from the lab's source (once; incremental after).</summary>
        public override async Task PrepareAsync(CancellationToken cancellationToken)
        {
            var project = Path.Combine(paths.RepositoryRoot, "src", "SysDesignLab.LoadBalancer", "SysDesignLab.LoadBalancer.csproj");
            await DotnetBuild.BuildAsync(project, Path.GetDirectoryName(Assembly)!, "SysDesignLab.LoadBalancer", cancellationToken);
        }

        public override LabResource? AddToRun(LabHost host, RunContext run)
        {
            var lb = new DotnetAppResource(Name, Assembly, Path.Combine(paths.Logs, $"{run.Scenario.Id}-{Name}{run.Suffix}.log"))
            {
                HealthPath = "/health",
                ExitWithLab = run.ExitWithLab,
            };
            foreach (var app in run.Apps)
            {
                lb.WaitsFor(app);
            }
            lb.WithEnvironment("LoadBalancer__Destinations", () => string.Join(',', run.Apps.Select(r => r.BaseUrl.ToString().TrimEnd('/'))));
            lb.WithEnvironment("LoadBalancer__Policy", () => Spec.Settings.GetValueOrDefault("policy", "RoundRobin"));
            run.EntryPoint = host.Add(lb);
            run.SetPart(Name, lb);
            return lb;
        }
    }
}
