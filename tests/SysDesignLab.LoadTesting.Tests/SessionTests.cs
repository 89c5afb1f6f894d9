namespace SysDesignLab.LoadTesting.Tests;

/// <summary>Sessions, headers and per-endpoint results, against the real Kestrel fixture.</summary>
[Collection(KestrelCollection.Name)]
public sealed class SessionTests(KestrelFixture server)
{
    [Fact]
    public async Task Each_user_logs_in_once_and_sends_its_captured_token_as_a_header()
    {
        server.Logins.Clear();
        var profile = Profile(users: 3, Session("/login", """{"handle":"user{user}"}"""),
            new EndpointSpec
            {
                Name = "whoami",
                Path = "/whoami",
                Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer {session}" },
                Expect = new ResponseExpectation { Status = 200, BodyContains = "user" },
            });

        var result = await new LoadRunner().RunAsync(server.BaseAddress, profile);

        Assert.Equal(["user1", "user2", "user3"], server.Logins.Order());
        Assert.Equal(1.0, result.SuccessRate);
        var whoami = Assert.Single(result.Endpoints, e => e.Name == "whoami");
        Assert.InRange(whoami.Requests, 20, long.MaxValue);
        Assert.Equal(1.0, whoami.SuccessRate);
        // The logins happen in the first moments, inside the warm-up.
        Assert.Equal(0, Assert.Single(result.Endpoints, e => e.Name == "login").Requests);
    }

    [Fact]
    public async Task A_refused_login_is_counted_and_retried_and_no_request_goes_out_without_a_session()
    {
        server.Logins.Clear();
        var profile = Profile(users: 2, Session("/login", """{"handle":"nobody{user}"}"""),
            new EndpointSpec { Name = "whoami", Path = "/whoami" }) with { WarmUp = TimeSpan.Zero };

        var result = await new LoadRunner().RunAsync(server.BaseAddress, profile);

        var login = Assert.Single(result.Endpoints, e => e.Name == "login");
        Assert.InRange(login.Requests, 4, long.MaxValue);
        Assert.Equal(login.Requests, login.Errors.ClientError);
        Assert.Equal(0, Assert.Single(result.Endpoints, e => e.Name == "whoami").Requests);
        Assert.Equal(0, result.Succeeded);
    }

    [Fact]
    public async Task A_login_response_without_the_captured_property_counts_WrongBody()
    {
        var profile = Profile(users: 1, Session("/login", """{"handle":"user{user}"}""", capture: "sessionId"),
            new EndpointSpec { Name = "whoami", Path = "/whoami" }) with { WarmUp = TimeSpan.Zero };

        var result = await new LoadRunner().RunAsync(server.BaseAddress, profile);

        var login = Assert.Single(result.Endpoints, e => e.Name == "login");
        Assert.InRange(login.Requests, 2, long.MaxValue);
        Assert.Equal(login.Requests, login.Errors.WrongBody);
    }

    [Fact]
    public async Task Per_endpoint_results_split_the_totals_and_listed_statuses_count_as_success()
    {
        var profile = Profile(users: 2, session: null,
            new EndpointSpec { Name = "ok", Path = "/ok" },
            new EndpointSpec { Name = "sold-out", Path = "/conflict", Expect = new ResponseExpectation { Statuses = [200, 409] } },
            new EndpointSpec { Name = "broken", Path = "/fail" }) with { WarmUp = TimeSpan.Zero };

        var result = await new LoadRunner().RunAsync(server.BaseAddress, profile);

        Assert.Equal(["ok", "sold-out", "broken"], result.Endpoints.Select(e => e.Name));
        // Endpoints are picked at random; two seconds give each one hundreds of requests even on a busy machine.
        Assert.All(result.Endpoints, e => Assert.True(e.Requests > 0, $"{e.Name} got no request in {result.Requests}"));
        Assert.Equal(result.Requests, result.Endpoints.Sum(e => e.Requests));
        Assert.Equal(result.Succeeded, result.Endpoints.Sum(e => e.Succeeded));
        Assert.Equal(1.0, result.Endpoints[0].SuccessRate);
        Assert.Equal(1.0, result.Endpoints[1].SuccessRate);
        Assert.Equal(0.0, result.Endpoints[2].SuccessRate);
        Assert.Equal(result.Endpoints[2].Requests, result.Errors.ServerError);

        var metrics = LoadMetrics.From(result);
        Assert.Equal(0.0, metrics["successRate{broken}"]);
        Assert.Equal(result.Endpoints[1].LatencyMs.P95, metrics["p95Ms{sold-out}"]);
    }

    [Fact]
    public async Task A_session_with_the_open_model_is_refused_before_the_run()
    {
        var profile = Profile(users: 1, Session("/login", "{}"), new EndpointSpec { Name = "ok", Path = "/ok" }) with { ArrivalRate = 10 };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new LoadRunner().RunAsync(server.BaseAddress, profile));
        Assert.Contains("closed model", error.Message, StringComparison.Ordinal);
    }

    private static SessionSpec Session(string path, string body, string capture = "token") => new()
    {
        Login = new EndpointSpec { Method = "POST", Path = path, Body = body, Expect = new ResponseExpectation { Status = 200 } },
        Capture = capture,
    };

    private static LoadProfile Profile(int users, SessionSpec? session, params EndpointSpec[] endpoints) => new()
    {
        VirtualUsers = users,
        // Generous for a shared 2-core machine where a test may start in the middle of other projects' builds.
        Duration = TimeSpan.FromSeconds(2),
        WarmUp = TimeSpan.FromSeconds(1),
        RequestTimeout = TimeSpan.FromSeconds(2),
        Endpoints = endpoints,
        Session = session,
    };
}
