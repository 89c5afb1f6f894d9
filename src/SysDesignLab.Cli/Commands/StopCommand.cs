using System.CommandLine;
using SysDesignLab.Cli.Output;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Cli.Commands;

public static class StopCommand
{
    public static Command Create()
    {
        var command = new Command("stop", "Stop everything the lab started: the app and PostgreSQL.");
        command.SetAction((_, ct) => CommandRunner.RunAsync(async (lab, _) =>
        {
            await new ScenarioStarter(lab.Environment, lab.Time).StopAllAsync(Ui.Steps);
            Ui.Success("The lab is stopped; nothing of it is running.");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
