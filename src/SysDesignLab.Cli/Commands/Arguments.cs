using System.CommandLine;

namespace SysDesignLab.Cli.Commands;

/// <summary>Arguments and options shared by several commands.</summary>
public static class Arguments
{
    public static Argument<string> Scenario() => new("scenario")
    {
        Description = "The scenario: its id (01-single-server) or number (01).",
    };

    public static Option<bool> Solution(string what) => new("--solution")
    {
        Description = $"{what} the reference solution instead of your app.",
    };
}
