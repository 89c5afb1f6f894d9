using System.CommandLine;
using SysDesignLab.Cli.Output;
using SysDesignLab.Orchestration;
using SysDesignLab.Web.Reports;

namespace SysDesignLab.Cli.Commands;

public static class ReportCommand
{
    public static Command Create()
    {
        var scenario = Arguments.Scenario();
        var output = new Option<string?>("--out", "-o") { Description = "Where to write the HTML file (default: .sdlab/reports/<id>.html)." };
        var command = new Command("report", "Export the before/after report of a scenario as one self-contained HTML file to share.") { scenario, output };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (lab, token) =>
        {
            var found = lab.Catalog.Find(parse.GetValue(scenario)!);
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
            var data = ReportData.From(found.Id, $"{found.Number} · {found.Title}", attempts);
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
