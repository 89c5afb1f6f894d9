namespace SysDesignLab.Scenarios.Tests;

/// <summary>A throwaway scenario folder with a valid manifest that a test can break one field at a time.</summary>
internal sealed class ScenarioFolder : IDisposable
{
    public const string ValidManifest = """
    {
      "title": "Test scenario",
      "tier": "crawling",
      "order": 1,
      "concepts": ["testing"],
      "resources": [{ "kind": "postgres", "name": "db" }],
      "database": { "name": "chirp", "schema": "db/schema.sql", "seed": "db/seed.sql" },
      "app": { "project": "app/App.csproj", "solution": "solution/App.csproj", "references": ["Chirp=db"], "health": "/health" },
      "load": { "users": 10, "duration": "5s", "warmUp": "1s", "timeout": "2s",
                "endpoints": [{ "name": "feed", "path": "/feed?page={int:1:10}", "expect": { "status": 200 } }] },
      "check": { "users": 10, "duration": "5s", "warmUp": "1s", "timeout": "2s",
                 "criteria": [
                   { "name": "ok", "kind": "performance", "metric": "successRate", "op": ">=", "value": 0.99, "where": "look here" },
                   { "name": "truth", "kind": "correctness", "probe": "sql-ground-truth", "request": "/feed?page={page}",
                     "parameter": "page", "values": [1, 2], "sql": "SELECT 1 AS id", "fields": ["id"], "where": "look there" }
                 ] },
      "hints": ["one", "two"]
    }
    """;

    /// <param name="asRepository">Lay it out as a lab checkout (the scenario under scenarios/), for a LabWorkspace over <see cref="Root"/>.</param>
    public ScenarioFolder(string id = "99-test", string manifest = ValidManifest, bool asRepository = false)
    {
        Root = Directory.CreateTempSubdirectory("sdlab-scenarios-").FullName;
        ScenariosRoot = asRepository ? System.IO.Path.Combine(Root, "scenarios") : Root;
        Path = System.IO.Path.Combine(ScenariosRoot, id);
        foreach (var file in new[] { "db/schema.sql", "db/seed.sql", "app/App.csproj", "solution/App.csproj" })
        {
            var full = System.IO.Path.Combine(Path, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "");
        }
        File.WriteAllText(System.IO.Path.Combine(Path, "scenario.json"), manifest);
    }

    public string Root { get; }
    /// <summary>The folder a ScenarioCatalog reads: <see cref="Root"/>, or its scenarios/ when laid out as a repository.</summary>
    public string ScenariosRoot { get; }
    public string Path { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>Scenario folders with a shipped app: the record of it, and optionally a git history holding it.</summary>
internal static class ShippedAppFixture
{
    /// <summary>Writes shipped-app.txt for app/ as it is now, as scripts/record-shipped-apps.sh would after a commit.</summary>
    public static void Record(string scenarioPath)
    {
        var files = SysDesignLab.Scenarios.Running.ShippedApp.Describe(System.IO.Path.Combine(scenarioPath, "app"));
        File.WriteAllLines(
            System.IO.Path.Combine(scenarioPath, SysDesignLab.Scenarios.Running.ShippedApp.FileName),
            files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Value} {f.Key}").Prepend("# test record"));
    }

    /// <summary>Makes the folder a git repository with everything committed, like a learner's clone.</summary>
    public static void CommitAll(string root, string message = "shipped")
    {
        Git(root, "init", "-q");
        Git(root, "add", "-A");
        Git(root, "-c", "user.name=lab", "-c", "user.email=lab@example.invalid", "commit", "-q", "-m", message);
    }

    public static void Git(string root, params string[] arguments)
    {
        var result = SysDesignLab.Orchestration.Processes.ProcessRunner.RunAsync("git", ["-C", root, .. arguments]).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, $"git {string.Join(' ', arguments)}: {result.Output}");
    }
}
