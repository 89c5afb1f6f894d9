using System.Globalization;

namespace SysDesignLab.Progress.Tests;

/// <summary>
/// Lets the durability test run this assembly as a separate process that writes attempts until it is
/// killed: a thread in the test process would not show what a real kill does to the file.
/// Usage: <c>dotnet exec SysDesignLab.Progress.Tests.dll write-attempts &lt;database&gt;</c>.
/// </summary>
public static class ChildProcessEntryPoint
{
    public const string WriteAttemptsCommand = "write-attempts";
    public const string ScenarioId = "durability";

    public static int Main(string[] args)
    {
        if (args is not [WriteAttemptsCommand, var databasePath])
        {
            Console.Error.WriteLine($"usage: {WriteAttemptsCommand} <database>");
            return 2;
        }
        using var store = ProgressStore.Open(databasePath);
        for (var sequence = store.GetAttempts(ScenarioId).Count + 1L; ; sequence++)
        {
            var attempt = store.RecordAttempt(ScenarioId, PassedFor(sequence), PayloadFor(sequence));
            // Reported only after the commit returned, so the parent may insist every reported id survives.
            Console.Out.WriteLine(attempt.Id.ToString(CultureInfo.InvariantCulture));
            Console.Out.Flush();
        }
    }

    public static bool PassedFor(long sequence) => sequence % 3 == 0;

    // Several kilobytes so each attempt spans pages: a torn write would show up as a wrong payload.
    public static string PayloadFor(long sequence) =>
        $$"""{"sequence":{{sequence}},"padding":"{{new string((char)('a' + (sequence % 26)), 6000)}}"}""";
}
