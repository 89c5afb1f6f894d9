using System.CommandLine;
using SysDesignLab.Cli.Output;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Lab;
using SysDesignLab.Web.Reports;

namespace SysDesignLab.Cli.Commands;

public static class ReportCommand
{
    public static Command Create()
    {
        var scenario = Arguments.Scenario();
        var output = new Option<string?>("--out", "-o") { Description = "Where to write the HTML file (default: .sdlab/reports/<id>.html)." };
        var table = new Option<bool>("--table") { Description = "Print the guide's \"Your results\" table in Markdown, filled from the lab's records (prediction, naive baseline, latest check), instead of writing the HTML report." };
        var command = new Command("report", "Export the before/after report of a scenario as one self-contained HTML file to share (--table: the guide's results table in Markdown).") { scenario, output, table };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (lab, token) =>
        {
            var found = lab.Catalog.Find(parse.GetValue(scenario)!);
            if (parse.GetValue(table))
            {
                if (parse.GetValue(output) is not null)
                {
                    throw new LabException("--table prints the results table; --out writes the HTML report. Give one of them.");
                }
                // Raw text, not markup: the table is pasted into the guide as it is, whatever the terminal width.
                Console.Out.Write(ResultsTable.Markdown(lab.Service.Record(found)));
                return CommandRunner.Ok;
            }
            var attempts = lab.Store.GetAttempts(found.Id);
            var path = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(lab.Paths.StateRoot, "reports", $"{found.Id}.html"));
            if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
            {
                if (parse.GetValue(output) is not null)
                {
                    throw new LabException($"Cannot write --out {parse.GetValue(output)}: the folder {folder} does not exist.");
                }
                Directory.CreateDirectory(folder);
            }
            var data = ReportData.From(lab.Service.Record(found), $"{found.Number} · {found.Title}");
            await File.WriteAllTextAsync(path, ReportDocument.Render(data, lab.Time.GetUtcNow()), token);
            Ui.Success($"Report of {found.Id} ({attempts.Count} attempt(s)) written to {path}");
            if (attempts.Count == 0)
            {
                Ui.Warn($"There is no attempt yet: run `./sdlab check {found.Number}` first for a before/after comparison.");
            }
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
