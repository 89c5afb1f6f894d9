using System.CommandLine;
using Spectre.Console;
using SysDesignLab.Cli.Commands;

if (Console.IsOutputRedirected)
{
    // Logs and CI: no terminal width to fit, so don't wrap tables and messages at 80 columns.
    AnsiConsole.Profile.Width = 160;
}

var root = new RootCommand("SysDesign Lab: run a real broken system, load it, fix it, and prove the fix by measurement.")
{
    ListCommand.Create(),
    StartCommand.Create(),
    PredictCommand.Create(),
    LoadCommand.Create(),
    CheckCommand.Create(),
    HintCommand.Create(),
    SolutionCommand.Create(),
    ResetCommand.Create(),
    StatusCommand.Create(),
    StopCommand.Create(),
    WebCommand.Create(),
    ReportCommand.Create(),
    DoctorCommand.Create(),
    SchemaCommand.Create(),
};

// On Ctrl-C the running command's token is cancelled; give it time to stop what it started.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
