using System.CommandLine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Cli.Commands;

/// <summary>Prints the JSON Schema of scenario.json; scripts/write-schema.sh keeps docs/ in step with it.</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        // A tool for scenario authors, not a step of the learner's loop: hidden from help.
        var command = new Command("schema", "Print the JSON Schema of scenario.json (written to docs/ by scripts/write-schema.sh).")
        {
            Hidden = true,
        };
        command.SetAction(_ =>
        {
            Console.Out.Write(ManifestSchema.Generate());
            return 0;
        });
        return command;
    }
}
