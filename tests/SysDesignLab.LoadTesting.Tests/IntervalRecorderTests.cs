namespace SysDesignLab.LoadTesting.Tests;

public sealed class IntervalRecorderTests
{
    [Fact]
    public async Task Concurrent_records_are_each_drained_exactly_once()
    {
        const int Writers = 4;
        const int PerWriter = 200_000;
        using var recorder = new IntervalRecorder();
        var total = new IntervalTally();
        using var done = new CancellationTokenSource();

        var drainer = Task.Run(() =>
        {
            var interval = new IntervalTally();
            while (!done.IsCancellationRequested)
            {
                recorder.DrainInto(interval);
                total.Add(interval);
                interval.Reset();
            }
        });
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < PerWriter; i++)
                {
                    recorder.Record(i % 10 == 0 ? RequestOutcome.Timeout : RequestOutcome.Success, 1_000 + w);
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();

        await Task.WhenAll(writers);
        await done.CancelAsync();
        await drainer;
        recorder.DrainInto(total);

        Assert.Equal(Writers * PerWriter, total.Requests);
        Assert.Equal(Writers * PerWriter / 10, total.Errors.Timeout);
        Assert.Equal(Writers * PerWriter, total.Latency.Count);
        Assert.Equal(1.003, total.Latency.ToSummary().Max, 9);
    }
}
