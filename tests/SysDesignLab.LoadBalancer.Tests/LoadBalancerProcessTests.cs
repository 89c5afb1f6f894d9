using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Projects;

namespace SysDesignLab.LoadBalancer.Tests;

/// <summary>The balancer as the lab runs it: its own process, replicas given through the environment.</summary>
[Trait("Category", "Integration")]
public sealed class LoadBalancerProcessTests : IAsyncLifetime
{
    private readonly List<WebApplication> _replicas = [];
    private readonly string _logs = Directory.CreateTempSubdirectory("sdlab-lb-").FullName;

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "A", "B" })
        {
            var builder = WebApplication.CreateSlimBuilder();
            var app = builder.Build();
            app.Urls.Add("http://127.0.0.1:0");
            app.MapGet("/who", () => name);
            await app.StartAsync();
            _replicas.Add(app);
        }
    }

    [Theory]
    [InlineData("RoundRobin")]
    [InlineData("PowerOfTwoChoices")]
    public async Task Requests_are_spread_over_every_replica(string policy)
    {
        var lb = new DotnetAppResource("lb", Path.Combine(AppContext.BaseDirectory, "SysDesignLab.LoadBalancer.dll"), Path.Combine(_logs, $"lb-{policy}.log"))
        {
            ExitWithLab = true,
        };
        lb.WithEnvironment("LoadBalancer__Destinations", () => string.Join(',', _replicas.Select(Address)));
        lb.WithEnvironment("LoadBalancer__Policy", () => policy);
        await using var host = new LabHost();
        host.Add(lb);
        await host.StartAsync();

        using var http = new HttpClient { BaseAddress = lb.BaseUrl };
        var answers = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await http.GetStringAsync("/who"));
        }
        Assert.Contains("A", answers);
        Assert.Contains("B", answers);
        if (policy == "RoundRobin")
        {
            Assert.Equal(10, answers.Count(a => a == "A"));
        }
        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        Directory.Delete(_logs, recursive: true);
    }
}
