using System.CommandLine;
using SysDesignLab.Cli.Output;
using SysDesignLab.Web.Hosting;

namespace SysDesignLab.Cli.Commands;

public static class StopCommand
{
    public static Command Create()
    {
        var command = new Command("stop", "Stop everything the lab started: the web lab, the app and PostgreSQL.");
        command.SetAction((_, ct) => CommandRunner.RunAsync(async (lab, _) =>
        {
            if (await WebLabProcess.StopAsync(lab.Paths) is { } web)
            {
                Ui.Step($"Stopped the web lab (pid {web.Pid}, {web.Url}).");
            }
            await lab.Service.StopAsync(Ui.Steps);
            Ui.Success("The lab is stopped; nothing of it is running.");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
