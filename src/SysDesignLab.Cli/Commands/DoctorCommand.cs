using System.CommandLine;
using Spectre.Console;
using SysDesignLab.Cli.Output;

namespace SysDesignLab.Cli.Commands;

public static class DoctorCommand
{
    public static Command Create()
    {
        var fix = new Option<bool>("--fix") { Description = "Install what is missing with apt-get (Debian/Ubuntu; needs root or sudo)." };
        var command = new Command("doctor", "Check that this machine has what the lab needs.") { fix };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (_, token) =>
        {
            var items = Prerequisites.Inspect();
            Print(items);
            var missing = items.Where(i => !i.Present).ToList();
            if (missing.Count == 0)
            {
                Ui.Success("Everything the lab needs is installed.");
                return CommandRunner.Ok;
            }
            if (!parse.GetValue(fix))
            {
                Ui.Warn($"Missing: {string.Join(", ", missing.Select(m => m.Name))}. Run `./sdlab doctor --fix` to install.");
                return CommandRunner.Failed;
            }
            var ok = await Prerequisites.FixAsync(missing, token);
            Print(Prerequisites.Inspect());
            if (ok)
            {
                Ui.Success("Installed. The lab is ready: ./sdlab start 01");
            }
            return ok ? CommandRunner.Ok : CommandRunner.Failed;
        }, ct));
        return command;
    }

    private static void Print(IReadOnlyList<Prerequisites.Item> items)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("sdlab doctor");
        table.AddColumn("prerequisite").AddColumn("for").AddColumn("status").AddColumn("detail");
        foreach (var item in items)
        {
            table.AddRow(Markup.Escape(item.Name), Markup.Escape(item.Purpose),
                item.Present ? "[green]ok[/]" : "[red]missing[/]", Markup.Escape(item.Detail));
        }
        AnsiConsole.Write(table);
    }
}
