using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SysDesignLab.LoadTesting.Tests;

/// <summary>End-to-end runs against a real Kestrel server, one at a time (see <see cref="KestrelCollection"/>).</summary>
[Collection(KestrelCollection.Name)]
public sealed class LoadRunnerTests(KestrelFixture server)
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1.2);

    [Fact]
    public async Task Healthy_endpoint_gives_full_success_and_plausible_rps()
    {
        var result = await RunAsync(Profile(users: 4, duration: TimeSpan.FromSeconds(1.5), Endpoint("/ok")));

        Assert.Equal(1.0, result.SuccessRate);
        Assert.Equal(ErrorCounts.None, result.Errors);
        Assert.Equal(result.Requests, result.Succeeded);
        Assert.InRange(result.Requests, 200, long.MaxValue);
        Assert.InRange(result.Measured.TotalSeconds, 1.4, 2.0);
        Assert.Equal(result.Requests / result.Measured.TotalSeconds, result.Rps, 6);
        Assert.Equal(result.Rps, result.Goodput, 6);
        Assert.InRange(result.LatencyMs.P50, 0.001, 100);
        Assert.True(result.LatencyMs.P50 <= result.LatencyMs.P95 && result.LatencyMs.P95 <= result.LatencyMs.P99);
        Assert.InRange(result.LatencyMs.P99, 0, result.LatencyMs.Max * 1.001);
        Assert.InRange(result.LatencyMs.Mean, 0.001, result.LatencyMs.Max);
    }

    [Fact]
    public async Task Status_500_is_counted_as_ServerError()
    {
        var result = await RunAsync(Profile(users: 2, duration: Short, Endpoint("/fail")));

        Assert.InRange(result.Requests, 10, long.MaxValue);
        Assert.Equal(result.Requests, result.Errors.ServerError);
        Assert.Equal(result.Requests, result.Errors.Total);
        Assert.Equal(0, result.Succeeded);
        Assert.Equal(0, result.SuccessRate);
        Assert.Equal(0, result.Goodput);
    }

    [Fact]
    public async Task Endpoint_slower_than_the_timeout_counts_Timeout_with_latency_near_the_timeout()
    {
        var profile = Profile(users: 2, duration: Short, Endpoint("/slow")) with { RequestTimeout = TimeSpan.FromMilliseconds(200) };

        var result = await RunAsync(profile);

        Assert.InRange(result.Requests, 4, 14);
        Assert.Equal(result.Requests, result.Errors.Timeout);
        Assert.Equal(result.Requests, result.Errors.Total);
        Assert.InRange(result.LatencyMs.P50, 195, 600);
        Assert.InRange(result.LatencyMs.Max, 195, 1000);
    }

    [Fact]
    public async Task Body_that_is_not_a_json_array_of_the_expected_length_counts_WrongBody()
    {
        var expectThree = new ResponseExpectation { JsonArrayLength = 3 };
        var profile = Profile(
            users: 2,
            duration: Short,
            Endpoint("/array?count={choice:3|4}") with { Expect = expectThree },
            Endpoint("/object") with { Expect = expectThree });

        var result = await RunAsync(profile);

        // Three outcomes of equal weight: right length, wrong length, not an array at all.
        Assert.InRange(result.Requests, 30, long.MaxValue);
        Assert.Equal(result.Requests, result.Succeeded + result.Errors.WrongBody);
        Assert.InRange(result.SuccessRate, 0.2, 0.45);
    }

    [Fact]
    public async Task Closed_port_counts_Connect_errors()
    {
        var result = await RunAsync(
            Profile(users: 2, duration: TimeSpan.FromSeconds(1), Endpoint("/ok")),
            new Uri($"http://127.0.0.1:{ClosedPort()}/"));

        Assert.InRange(result.Requests, 1, long.MaxValue);
        Assert.Equal(result.Requests, result.Errors.Connect);
        Assert.Equal(result.Requests, result.Errors.Total);
    }

    [Fact]
    public async Task Connection_closed_before_the_response_counts_Reset()
    {
        var result = await RunAsync(Profile(users: 2, duration: TimeSpan.FromSeconds(1), Endpoint("/abort")));

        Assert.InRange(result.Requests, 1, long.MaxValue);
        Assert.Equal(result.Requests, result.Errors.Reset);
    }

    [Fact]
    public async Task Warm_up_requests_are_excluded_from_Requests_but_reported_as_samples()
    {
        var profile = Profile(users: 2, duration: TimeSpan.FromSeconds(1), Endpoint("/ok")) with { WarmUp = TimeSpan.FromSeconds(1) };

        var result = await RunAsync(profile);

        var warmUp = Assert.Single(result.Samples, s => s.WarmUp);
        var measured = Assert.Single(result.Samples, s => !s.WarmUp);
        Assert.Equal([1, 2], result.Samples.Select(s => s.Second));
        Assert.InRange(warmUp.Requests, 1, long.MaxValue);
        Assert.Equal(measured.Requests, result.Requests);
        Assert.InRange(result.Measured.TotalSeconds, 0.9, 1.3);
    }

    [Fact]
    public async Task OnSample_is_called_about_once_a_second_with_the_same_samples_as_the_result()
    {
        var calls = new List<(LoadSample Sample, TimeSpan At)>();
        var clock = Stopwatch.StartNew();

        var result = await new LoadRunner().RunAsync(
            server.BaseAddress,
            Profile(users: 2, duration: TimeSpan.FromSeconds(3), Endpoint("/ok")),
            sample => calls.Add((sample, clock.Elapsed)));

        Assert.Equal(calls.Select(c => c.Sample), result.Samples);
        Assert.Equal([1, 2, 3], calls.Select(c => c.Sample.Second));
        var gaps = calls.Zip(calls.Skip(1), (a, b) => (b.At - a.At).TotalSeconds);
        Assert.All(gaps, gap => Assert.InRange(gap, 0.7, 1.3));
        Assert.All(calls, c => Assert.InRange(c.Sample.Rps, 1, double.MaxValue));
        Assert.Equal(result.Requests, calls.Sum(c => c.Sample.Requests));
    }

    [Fact]
    public async Task Cancellation_returns_the_statistics_so_far_instead_of_throwing()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var clock = Stopwatch.StartNew();

        var result = await new LoadRunner().RunAsync(
            server.BaseAddress,
            Profile(users: 2, duration: TimeSpan.FromSeconds(30), Endpoint("/ok")),
            cancellationToken: cancel.Token);

        Assert.InRange(clock.Elapsed.TotalSeconds, 1.4, 3);
        Assert.InRange(result.Measured.TotalSeconds, 1.3, 2);
        Assert.InRange(result.Requests, 1, long.MaxValue);
        Assert.Equal(result.Requests, result.Samples.Sum(s => s.Requests));
    }

    [Fact]
    public async Task Path_placeholders_are_filled_per_request_within_their_range()
    {
        server.ItemIds.Clear();

        var result = await RunAsync(Profile(users: 2, duration: TimeSpan.FromSeconds(1), Endpoint("/items/{int:3:5}")));

        var ids = server.ItemIds.ToArray();
        Assert.Equal(1.0, result.SuccessRate);
        Assert.All(ids, id => Assert.InRange(id, 3, 5));
        Assert.Equal([3, 4, 5], ids.Distinct().Order());
    }

    [Fact]
    public async Task Same_seed_replays_the_same_request_sequence()
    {
        async Task<int[]> SentIdsAsync(int seed)
        {
            server.ItemIds.Clear();
            var profile = Profile(users: 1, duration: TimeSpan.FromSeconds(0.5), Endpoint("/items/{int:1:1000000}")) with { Seed = seed };
            await RunAsync(profile);
            return [.. server.ItemIds.Take(50)];
        }

        var first = await SentIdsAsync(seed: 7);
        var replay = await SentIdsAsync(seed: 7);
        var other = await SentIdsAsync(seed: 8);

        Assert.Equal(50, first.Length);
        Assert.Equal(first, replay);
        Assert.NotEqual(first, other);
    }

    private Task<LoadResult> RunAsync(LoadProfile profile, Uri? target = null) =>
        new LoadRunner().RunAsync(target ?? server.BaseAddress, profile);

    private static LoadProfile Profile(int users, TimeSpan duration, params EndpointSpec[] endpoints) => new()
    {
        VirtualUsers = users,
        Duration = duration,
        RequestTimeout = TimeSpan.FromSeconds(2),
        Endpoints = endpoints,
    };

    private static EndpointSpec Endpoint(string path) => new() { Name = path, Path = path };

    private static int ClosedPort()
    {
        // Bind to get a port nobody uses, then release it: connecting now gets "connection refused".
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
