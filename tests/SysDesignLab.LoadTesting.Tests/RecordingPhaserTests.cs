namespace SysDesignLab.LoadTesting.Tests;

public sealed class RecordingPhaserTests
{
    [Fact]
    public async Task Flip_waits_for_a_writer_that_entered_before_it()
    {
        var phaser = new RecordingPhaser();
        var token = phaser.WriterEnter();

        var flip = Task.Run(phaser.FlipPhase);
        await Task.Delay(100);
        Assert.False(flip.IsCompleted);

        phaser.WriterExit(token);
        await flip.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Writer_entering_during_a_flip_does_not_hold_it_up_in_either_phase()
    {
        var phaser = new RecordingPhaser();

        // Four rounds so both the even and the odd phase are exercised twice.
        for (var round = 0; round < 4; round++)
        {
            var early = phaser.WriterEnter();
            var flip = Task.Run(phaser.FlipPhase);
            var late = await EnterNewPhaseAsync(phaser, early);

            phaser.WriterExit(early);
            await flip.WaitAsync(TimeSpan.FromSeconds(5));

            // The late writer belongs to the new phase, so it is the next flip that must wait for it.
            phaser.WriterExit(late);
        }

        phaser.FlipPhase();
    }

    /// <summary>Enters as a writer once the flip has switched phases (the token's sign is the phase).</summary>
    private static async Task<long> EnterNewPhaseAsync(RecordingPhaser phaser, long oldPhaseToken)
    {
        while (true)
        {
            var token = phaser.WriterEnter();
            if ((token < 0) != (oldPhaseToken < 0))
            {
                return token;
            }

            phaser.WriterExit(token);
            await Task.Delay(1);
        }
    }
}
