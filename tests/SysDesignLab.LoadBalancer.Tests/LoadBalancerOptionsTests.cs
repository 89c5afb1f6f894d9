namespace SysDesignLab.LoadBalancer.Tests;

public sealed class LoadBalancerOptionsTests
{
    [Fact]
    public void Destinations_are_parsed_in_order_and_become_one_cluster()
    {
        var options = new LoadBalancerOptions { Destinations = "http://127.0.0.1:5001, http://127.0.0.1:5002", Policy = "LeastRequests" };
        var cluster = LoadBalancerSetup.Cluster(options);
        Assert.Equal("LeastRequests", cluster.LoadBalancingPolicy);
        Assert.Equal("http://127.0.0.1:5001/", cluster.Destinations!["replica-1"].Address);
        Assert.Equal("http://127.0.0.1:5002/", cluster.Destinations["replica-2"].Address);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("127.0.0.1:5001", "not an http(s) URL")]
    public void Bad_destinations_say_what_is_wrong(string destinations, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new LoadBalancerOptions { Destinations = destinations }.DestinationUrls());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
