using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Checks;

/// <summary>
/// Through a real check of a small app (no database): a fix that returns wrong pages, an app that
/// crashes and an app that is only slow each get their own message, from the same manifest text.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailureMessageCheckTests
{
    // One "where" for all three runs: what a scenario author writes for a slow feed.
    private const string Manifest = """
    {
      "title": "Failure messages", "tier": "crawling", "order": 1, "concepts": ["feedback"],
      "app": { "project": "app/App.csproj", "solution": "app/App.csproj", "health": "/health" },
      "load": { "users": 4, "duration": "3s", "warmUp": "0s", "timeout": "2s",
        "endpoints": [{ "name": "feed", "path": "PATH", "expect": { "status": 200, "jsonArrayLength": 20 } }] },
      "check": { "users": 4, "duration": "3s", "warmUp": "0s", "timeout": "2s",
        "criteria": [
          { "name": "Success rate", "kind": "performance", "metric": "successRate", "op": ">=", "value": 0.99,
            "where": { "timeouts": "TIMEOUTS", "slow": "SLOW" } },
          { "name": "p95 latency", "kind": "performance", "metric": "p95Ms", "op": "<=", "value": 100,
            "where": { "timeouts": "TIMEOUTS", "slow": "SLOW: every request does too much work." } }
        ] },
      "hints": ["look"]
    }
    """;

    private const string Program = """
    var builder = WebApplication.CreateBuilder(args);
    var app = builder.Build();
    var page = Enumerable.Range(1, 20).Select(i => new { id = i }).ToArray();
    long first = 0;
    app.MapGet("/health", () => "ok");
    // A "fix" that answers fast with empty pages.
    app.MapGet("/empty", () => Results.Ok(Array.Empty<object>()));
    // Right, but slow: 150 ms per page.
    app.MapGet("/slow", async () => { await Task.Delay(150); return Results.Ok(page); });
    // Right and fast, until it exits a second into the load.
    app.MapGet("/crash", () =>
    {
        var now = Environment.TickCount64;
        Interlocked.CompareExchange(ref first, now, 0);
        if (now - Interlocked.Read(ref first) > 1_000)
        {
            Console.WriteLine("giving up");
            Environment.Exit(3);
        }
        return Results.Ok(page);
    });
    app.Run();
    """;

    private const string Project = """
    <Project Sdk="Microsoft.NET.Sdk.Web">
      <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
    </Project>
    """;

    [Fact]
    public async Task Wrong_body_crash_and_slow_apps_each_get_their_own_message_through_a_real_check()
    {
        using var folder = new ScenarioFolder("97-feedback", Manifest);
        File.WriteAllText(Path.Combine(folder.Path, "app", "App.csproj"), Project);
        File.WriteAllText(Path.Combine(folder.Path, "app", "Program.cs"), Program);
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, LabPaths.CreateTemporaryStateRoot("sdlab-feedback-"));
        var runner = new CheckRunner(new ScenarioEnvironment(paths, LabRegistry.Default), store: null);

        async Task<CheckReport> CheckAsync(string path)
        {
            File.WriteAllText(Path.Combine(folder.Path, "scenario.json"), Manifest.Replace("PATH", path, StringComparison.Ordinal));
            return await runner.RunAsync(ManifestLoader.Load(folder.Path), AppVariant.Learner, new CheckCallbacks(), CancellationToken.None);
        }
        static CriterionResult Row(CheckReport report, string name) => report.Criteria.Single(c => c.Name == name);

        try
        {
            var empty = await CheckAsync("/empty");
            var emptyRate = Row(empty, "Success rate");
            Assert.False(emptyRate.Passed);
            Assert.Equal("wrongBody", emptyRate.Cause);
            Assert.Contains("returned a body the check did not expect", emptyRate.Where, StringComparison.Ordinal);
            Assert.Contains("a JSON array of 20 items", emptyRate.Where, StringComparison.Ordinal);
            Assert.Equal("wrongBody", Row(empty, "p95 latency").Cause);

            var crashed = await CheckAsync("/crash");
            Assert.Equal(CrashVerdict.Kind, crashed.Criteria[0].Kind);
            var crashedRate = Row(crashed, "Success rate");
            Assert.Equal("crash", crashedRate.Cause);
            Assert.StartsWith("Not about speed: your app stopped", crashedRate.Where, StringComparison.Ordinal);

            var slow = await CheckAsync("/slow");
            Assert.True(Row(slow, "Success rate").Passed, string.Join("\n", slow.Criteria.Select(c => $"{c.Name}: {c.Actual} {c.Where}")));
            var slowP95 = Row(slow, "p95 latency");
            Assert.False(slowP95.Passed);
            Assert.Equal("slow", slowP95.Cause);
            Assert.Equal("SLOW: every request does too much work.", slowP95.Where);
        }
        finally
        {
            // The builds and logs of three apps: nothing a later run reuses.
            Directory.Delete(paths.StateRoot, recursive: true);
        }
    }
}
