using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SysDesignLab.LoadTesting.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 with an ephemeral port, shared by the integration tests.</summary>
public sealed class KestrelFixture : IAsyncLifetime
{
    private WebApplication? app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Ids seen by /items/{id} in arrival order, to check what the load generator actually sent.</summary>
    public ConcurrentQueue<int> ItemIds { get; } = [];

    /// <summary>Handles that logged in at /login, in arrival order.</summary>
    public ConcurrentQueue<string> Logins { get; } = [];

    private long stallUntilTicks;
    private int stallCountdown = -1;

    /// <summary>
    /// Makes /stall hold every request, for <paramref name="stall"/>, starting when the
    /// <paramref name="afterRequests"/>-th request arrives: the whole server freezes once, like a GC pause.
    /// </summary>
    public void ArmStall(int afterRequests, TimeSpan stall)
    {
        StallLength = stall;
        Volatile.Write(ref stallUntilTicks, 0);
        Volatile.Write(ref stallCountdown, afterRequests);
    }

    private TimeSpan StallLength { get; set; }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");

        app.MapGet("/ok", () => "ok");
        app.MapGet("/fail", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        app.MapGet("/slow", async (CancellationToken aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), aborted);
            return "late";
        });
        app.MapGet("/array", (int count) =>
            Results.Content("[" + string.Join(",", Enumerable.Range(1, count)) + "]", "application/json"));
        app.MapGet("/object", () => Results.Content("""{"items":[1,2,3]}""", "application/json"));
        app.MapGet("/items/{id:int}", (int id) =>
        {
            ItemIds.Enqueue(id);
            return Results.Ok();
        });
        app.MapGet("/abort", (HttpContext context) => context.Abort());
        app.MapGet("/conflict", () => Results.Conflict());
        // A toy login: the token is derived from the handle, so /whoami can check it without shared state.
        app.MapPost("/login", (LoginBody body) =>
        {
            Logins.Enqueue(body.Handle);
            return body.Handle.StartsWith("user", StringComparison.Ordinal)
                ? Results.Ok(new { token = "t-" + body.Handle, expires = 60 })
                : Results.Unauthorized();
        });
        app.MapGet("/whoami", (HttpContext context) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            return header.StartsWith("Bearer t-", StringComparison.Ordinal)
                ? Results.Text(header["Bearer t-".Length..])
                : Results.Unauthorized();
        });
        app.MapGet("/stall", async () =>
        {
            if (Interlocked.Decrement(ref stallCountdown) == 0)
            {
                Volatile.Write(ref stallUntilTicks, Environment.TickCount64 + (long)StallLength.TotalMilliseconds);
            }

            var remaining = Volatile.Read(ref stallUntilTicks) - Environment.TickCount64;
            if (remaining > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(remaining));
            }

            return "ok";
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);

        // The very first request in the test host costs over a second of JIT (server and client stacks),
        // which would otherwise land in whichever test happens to run first.
        using var client = new HttpClient();
        await client.GetStringAsync(new Uri(BaseAddress, "/ok"));
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

/// <summary>The body /login expects.</summary>
public sealed record LoginBody(string Handle);
