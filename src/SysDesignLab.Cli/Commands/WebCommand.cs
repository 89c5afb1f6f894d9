using System.CommandLine;
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

    public static Command Create()
    {
        var port = Port();
        var command = new Command("web", "Serve the web lab (catalog, scenario pages, live dashboard) on 127.0.0.1 until Ctrl-C.") { port };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (lab, token) =>
        {
            await using var app = WebLabServer.Build(lab.Paths, parse.GetValue(port), lab.Time);
            await app.StartAsync(token);
            Ui.Success($"The web lab is at http://127.0.0.1:{parse.GetValue(port)}/ — Ctrl-C stops it.");
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
