using SysDesignLab.Cli.Output;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Engine;

namespace SysDesignLab.Cli;

/// <summary>What the lab needs on the machine, how to tell whether it is there, and how to install it on Debian/Ubuntu.</summary>
public static class Prerequisites
{
    public sealed record Item(string Name, string Purpose, bool Present, string Detail, string? AptPackage);

    public static IReadOnlyList<Item> Inspect()
    {
        var items = new List<Item>
        {
            new(".NET SDK", "builds the lab and the scenario apps", true, $".NET {Environment.Version}", null),
        };
        // Each resource kind says what it runs: a new kind brings its own row.
        foreach (var prerequisite in LabRegistry.Default.Kinds.Select(k => k.Prerequisite).OfType<Prerequisite>().DistinctBy(p => p.AptPackage))
        {
            var found = prerequisite.Find();
            items.Add(new(prerequisite.Name, prerequisite.Purpose, found is not null, found ?? "not found", prerequisite.AptPackage));
        }
        items.Add(new("setsid", "runs servers in their own process group", ProcessRunner.FindOnPath("setsid") is not null, "util-linux", "util-linux"));
        if (ProcessRunner.IsRoot)
        {
            items.Add(new("runuser", "runs PostgreSQL as the postgres user when you are root", ProcessRunner.FindOnPath("runuser") is not null, "util-linux", "util-linux"));
        }
        return items;
    }

    /// <summary>Installs the missing packages with apt-get, as root or through sudo without a password prompt.</summary>
    public static async Task<bool> FixAsync(IReadOnlyList<Item> missing, CancellationToken cancellationToken)
    {
        var packages = missing.Select(m => m.AptPackage).OfType<string>().Distinct().ToList();
        if (packages.Count == 0)
        {
            return true;
        }
        var prefix = await InstallPrefixAsync(cancellationToken)
            ?? throw new LabException($"Installing needs root. Run: sudo apt-get update && sudo apt-get install -y {string.Join(' ', packages)}");
        if (ProcessRunner.FindOnPath("apt-get") is null)
        {
            throw new LabException($"apt-get is not available (not Debian/Ubuntu?). Install these with your package manager: {string.Join(", ", missing.Select(m => m.Name))}.");
        }
        Ui.Step("apt-get update…");
        await RunAptAsync(prefix, ["apt-get", "update"], cancellationToken);
        Ui.Step($"apt-get install -y {string.Join(' ', packages)}… (a minute or two)");
        await RunAptAsync(prefix, ["apt-get", "install", "-y", "--no-install-recommends", .. packages], cancellationToken);
        return Inspect().All(i => i.Present);
    }

    /// <summary>Before a scenario starts: install what it needs when that can be done without asking, else say what to run.</summary>
    public static async Task EnsureAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        // Only what this scenario's resources run is needed to start it.
        var needed = scenario.Manifest.Resources.Select(r => LabRegistry.Default.Kind(r.Kind)?.Prerequisite?.AptPackage).OfType<string>().ToHashSet();
        var optional = LabRegistry.Default.Kinds.Select(k => k.Prerequisite?.AptPackage).OfType<string>().Where(p => !needed.Contains(p)).ToHashSet();
        var missing = Inspect().Where(i => !i.Present && (i.AptPackage is null || !optional.Contains(i.AptPackage))).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        if (await InstallPrefixAsync(cancellationToken) is null)
        {
            var first = missing[0];
            throw new PrerequisiteMissingException(first.Name, $"sudo apt-get install -y {string.Join(' ', missing.Select(m => m.AptPackage).Distinct())}");
        }
        Ui.Warn($"Missing: {string.Join(", ", missing.Select(m => m.Name))}. Installing it now…");
        if (!await FixAsync(missing, cancellationToken))
        {
            throw new LabException("The install finished but something is still missing. Run `./sdlab doctor` to see what.");
        }
    }

    private static async Task<string[]?> InstallPrefixAsync(CancellationToken cancellationToken)
    {
        if (ProcessRunner.IsRoot)
        {
            return [];
        }
        if (ProcessRunner.FindOnPath("sudo") is null)
        {
            return null;
        }
        var probe = await ProcessRunner.RunAsync("sudo", ["-n", "true"], cancellationToken: cancellationToken);
        return probe.Succeeded ? ["sudo", "-n"] : null;
    }

    private static async Task RunAptAsync(string[] prefix, string[] command, CancellationToken cancellationToken)
    {
        var full = prefix.Concat(command).ToArray();
        var result = await ProcessRunner.RunAsync(full[0], full.Skip(1),
            new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" }, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            throw new LabException($"`{string.Join(' ', command)}` failed (exit code {result.ExitCode}):\n{string.Join('\n', result.Output.Split('\n').TakeLast(15))}");
        }
    }
}
