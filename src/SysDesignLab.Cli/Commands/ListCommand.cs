using System.CommandLine;
using Spectre.Console;
using SysDesignLab.Cli.Output;
using SysDesignLab.Progress;

namespace SysDesignLab.Cli.Commands;

public static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List the scenarios, by tier, with your progress.");
        command.SetAction((_, ct) => CommandRunner.RunAsync((lab, _) =>
        {
            var progress = lab.Store.GetAll();
            var table = new Table().Border(TableBorder.Rounded).Title("SysDesign Lab scenarios");
            table.AddColumn(new TableColumn("id").NoWrap()).AddColumn("tier").AddColumn("title").AddColumn("concepts").AddColumn("progress");
            string? next = null;
            var scan = lab.Catalog.Scan();
            foreach (var scenario in scan.Scenarios.OrderBy(s => s.Manifest.Order).ThenBy(s => s.Id, StringComparer.Ordinal))
            {
                var state = progress.TryGetValue(scenario.Id, out var p) ? p.State : ProgressState.NotStarted;
                next ??= state == ProgressState.Passed ? null : scenario.Id;
                table.AddRow(
                    Markup.Escape(scenario.Id),
                    Markup.Escape(scenario.Manifest.Tier),
                    Markup.Escape(scenario.Title),
                    Markup.Escape(string.Join(", ", scenario.Manifest.Concepts.Take(4)) + (scenario.Manifest.Concepts.Count > 4 ? ", …" : "")),
                    state switch
                    {
                        ProgressState.Passed => "[green]passed[/]",
                        ProgressState.Attempted => $"[yellow]attempted ({p!.Attempts})[/]",
                        _ => "[grey]not started[/]",
                    });
            }
            AnsiConsole.Write(table);
            foreach (var problem in scan.Problems)
            {
                Ui.Error(problem);
            }
            if (next is not null)
            {
                AnsiConsole.MarkupLine($"Next: [bold]./sdlab start {Markup.Escape(next)}[/] and read scenarios/{Markup.Escape(next)}/SCENARIO.md");
            }
            return Task.FromResult(scan.Problems.Count == 0 ? CommandRunner.Ok : CommandRunner.Error);
        }, ct));
        return command;
    }
}
