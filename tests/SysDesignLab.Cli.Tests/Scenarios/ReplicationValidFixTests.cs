using static SysDesignLab.Cli.Tests.Scenarios.ReplicationFixes;

namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Correct fixes of scenario 07 that are not the reference solution (which routes by WAL position):
/// a pinning window kept in the database and longer than the replica's lag, and the cruder split
/// that reads a user's own page on the primary always. Both keep read-your-writes and move the
/// timeline and the user pages to the replica, so each must pass.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "07")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class ReplicationValidFixTests
{
    [Fact]
    public async Task Check_passes_a_two_second_primary_pinning_window_kept_in_the_session_row()
    {
        using var copy = new RepositoryCopy(ScenarioId);
        PinInTheDatabase(copy, "2 seconds");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "07", "pin-2s");

        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public async Task Check_passes_reading_your_own_page_always_on_the_primary()
    {
        using var copy = new RepositoryCopy(ScenarioId);
        OwnPageFrom(copy, "db");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "07", "own-page-primary");

        Assert.True(check.ExitCode == 0, check.Output);
    }
}
