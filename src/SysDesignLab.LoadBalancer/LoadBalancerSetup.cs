using Yarp.ReverseProxy.Configuration;

namespace SysDesignLab.LoadBalancer;

public static class LoadBalancerSetup
{
    private const string ClusterId = "replicas";

    /// <summary>One catch-all route to one cluster of the configured replicas, balanced by the configured policy.</summary>
    public static WebApplicationBuilder AddLabLoadBalancer(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LoadBalancerOptions.Section).Get<LoadBalancerOptions>() ?? new LoadBalancerOptions();
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = ClusterId, Match = new RouteMatch { Path = "{**catch-all}" } }],
            [Cluster(options)]);
        return builder;
    }

    public static ClusterConfig Cluster(LoadBalancerOptions options) => new()
    {
        ClusterId = ClusterId,
        LoadBalancingPolicy = options.Policy,
        Destinations = options.DestinationUrls()
            .Select((url, i) => (Id: $"replica-{i + 1}", Config: new DestinationConfig { Address = url.ToString() }))
            .ToDictionary(d => d.Id, d => d.Config),
    };
}
