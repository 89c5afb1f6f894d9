using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SysDesignLab.Cli.Output;
using SysDesignLab.Web.Hosting;

namespace SysDesignLab.Cli.Commands;

public static class WebCommand
{
    public static Option<int> Port() => new("--port")
    {
        Description = $"Loopback port of the web lab (default {WebLabProcess.DefaultPort}).",
        DefaultValueFactory = _ => WebLabProcess.DefaultPort,
    };

    public static Option<string[]> AllowHost() => new(AllowedHosts.Option)
    {
        Description = $"Another host name the web lab answers to besides 127.0.0.1/localhost, repeatable, e.g. '*.app.github.dev' (also {AllowedHosts.EnvironmentVariable}, comma-separated).",
    };

    public static Command Create()
    {
        var port = Port();
        var allowHost = AllowHost();
        var command = new Command("web", "Serve the web lab (catalog, scenario pages, live dashboard) on 127.0.0.1 until Ctrl-C.") { port, allowHost };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (lab, token) =>
        {
            await using var app = WebLabServer.Build(lab.Paths, parse.GetValue(port), lab.Time, parse.GetValue(allowHost));
            await app.StartAsync(token);
            Ui.Success($"The web lab is at http://127.0.0.1:{parse.GetValue(port)}/ — Ctrl-C stops it.");
            if (app.Services.GetRequiredService<AllowedHosts>().Extra is { Count: > 0 } extra)
            {
                Ui.Info($"It also answers to {string.Join(", ", extra)}.");
            }
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
            }
            await app.StopAsync(CancellationToken.None);
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
