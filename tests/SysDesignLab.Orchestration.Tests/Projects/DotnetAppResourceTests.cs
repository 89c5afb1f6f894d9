using SysDesignLab.Orchestration.Projects;

namespace SysDesignLab.Orchestration.Tests.Projects;

/// <summary>
/// Instances with a host folder, as the lab runs replicas behind a balancer. The app is the lab's own
/// load balancer (the smallest real app at hand); what it does does not matter, only where it runs.
/// What a process really got is read from /proc: its command line, working directory and environment.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DotnetAppResourceTests : IDisposable
{
    private const string AssemblyName = "SysDesignLab.LoadBalancer.dll";
    private readonly string _root = Directory.CreateTempSubdirectory("sdlab-hosts-").FullName;

    private string HostFolder(string name) => Path.Combine(_root, "hosts", name);

    private DotnetAppResource Instance(string name) =>
        new DotnetAppResource(name, Path.Combine(AppContext.BaseDirectory, AssemblyName), Path.Combine(_root, $"{name}.log"))
        {
            ExitWithLab = true,
            HostFolder = HostFolder(name),
        }
        // The balancer refuses to start without a replica; none is ever asked.
        .WithEnvironment("LoadBalancer__Destinations", () => "http://127.0.0.1:9");

    [Fact]
    public async Task Instances_run_from_their_own_copy_of_the_build_with_their_own_temp_folder()
    {
        await using var host = new LabHost();
        var first = host.Add(Instance("app-1"));
        var second = host.Add(Instance("app-2"));
        await host.StartAsync();

        foreach (var app in new[] { first, second })
        {
            var pid = app.ProcessId!.Value;
            var copy = Path.Combine(HostFolder(app.Name), "app");
            Assert.Equal(Path.Combine(copy, AssemblyName), CommandLine(pid)[1]);
            Assert.Equal(copy, WorkingDirectory(pid));
            Assert.Equal(Path.Combine(HostFolder(app.Name), "tmp"), EnvironmentOf(pid)["TMPDIR"]);
            Assert.True(File.Exists(Path.Combine(copy, "SysDesignLab.LoadBalancer.runtimeconfig.json")), "the copy misses the files beside the assembly");
        }
        Assert.NotEqual(EnvironmentOf(first.ProcessId!.Value)["TMPDIR"], EnvironmentOf(second.ProcessId!.Value)["TMPDIR"]);
    }

    [Fact]
    public async Task A_restart_gets_a_fresh_host_folder()
    {
        await using var host = new LabHost();
        var app = host.Add(Instance("app-1"));
        await host.StartAsync();
        var leftInTemp = Path.Combine(HostFolder("app-1"), "tmp", "cart-42.json");
        var leftInApp = Path.Combine(HostFolder("app-1"), "app", "sessions.db");
        await File.WriteAllTextAsync(leftInTemp, "{}");
        await File.WriteAllTextAsync(leftInApp, "");
        await host.StopAsync();

        await host.StartAsync();

        Assert.False(File.Exists(leftInTemp), "a file from the previous run is still in the temp folder");
        Assert.False(File.Exists(leftInApp), "a file from the previous run is still beside the app");
        Assert.Equal(Path.Combine(HostFolder("app-1"), "app", AssemblyName), CommandLine(app.ProcessId!.Value)[1]);
        Assert.True(await app.IsHealthyAsync(CancellationToken.None));
    }

    private static string[] CommandLine(int pid) =>
        File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);

    private static string WorkingDirectory(int pid) =>
        new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget!;

    private static Dictionary<string, string> EnvironmentOf(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0])
            .ToDictionary(g => g.Key, g => g.Last()[1]);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
