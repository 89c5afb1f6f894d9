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
    public async Task Flip_ignores_writers_that_enter_after_it_in_both_phases()
    {
        var phaser = new RecordingPhaser();

        for (var round = 0; round < 4; round++)
        {
            phaser.WriterExit(phaser.WriterEnter());
            phaser.FlipPhase();
            // Entered in the new phase: must not block this phase's readers, only the next flip.
            var late = phaser.WriterEnter();
            var next = Task.Run(phaser.FlipPhase);
            await Task.Delay(20);
            Assert.False(next.IsCompleted);
            phaser.WriterExit(late);
            await next.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }
}
