using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Diagnosis;

/// <summary>What a run consists of, for diagnosis: the scenario, its app processes by pid, and the suffix of its resources' names.</summary>
public sealed record DiagnosisTarget(Scenario Scenario, string Suffix, IReadOnlyList<AppProcess> Apps)
{
    /// <summary>`sdlab start`'s run (run.json): its app instances and load balancer, and its resources.</summary>
    public static DiagnosisTarget ForRun(RunState run, Scenario scenario) =>
        new(scenario, "", [.. run.Resources.Where(r => r.Kind == "app" && r.Pid is not null).Select(r => new AppProcess(r.Name, r.Pid!.Value))]);

    /// <summary>A check's current app (check.json): the processes it started that still run, and its "_check" resources.</summary>
    public static DiagnosisTarget ForCheck(CheckInfo check, Scenario scenario)
    {
        var alive = check.AppPids.Where(pid => File.Exists($"/proc/{pid}/stat")).ToList();
        return new DiagnosisTarget(scenario, "_check", [.. alive.Select(pid => new AppProcess(alive.Count == 1 ? "app" : $"pid {pid}", pid))]);
    }
}

public sealed record AppProcess(string Name, int Pid);
