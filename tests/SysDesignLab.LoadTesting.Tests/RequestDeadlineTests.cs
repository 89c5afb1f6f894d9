using Microsoft.Extensions.Time.Testing;

namespace SysDesignLab.LoadTesting.Tests;

public sealed class RequestDeadlineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Fact]
    public void Request_that_overruns_is_cancelled_within_one_watchdog_period_and_counts_as_expired()
    {
        var clock = new FakeTimeProvider();
        using var deadline = new RequestDeadline(Timeout, clock, CancellationToken.None);

        var token = deadline.Start();
        clock.Advance(Timeout - TimeSpan.FromMilliseconds(30));
        Assert.False(token.IsCancellationRequested);

        clock.Advance(TimeSpan.FromMilliseconds(30) + DeadlineWatchdog.PeriodFor(Timeout));
        Assert.True(token.IsCancellationRequested);
        Assert.True(deadline.Expired);
    }

    [Fact]
    public void After_an_expiry_the_next_request_gets_a_fresh_token()
    {
        var clock = new FakeTimeProvider();
        using var deadline = new RequestDeadline(Timeout, clock, CancellationToken.None);
        var first = deadline.Start();
        clock.Advance(Timeout * 2);
        Assert.True(first.IsCancellationRequested);

        deadline.Reset();
        var second = deadline.Start();

        Assert.False(second.IsCancellationRequested);
        Assert.False(deadline.Expired);
    }

    [Fact]
    public void Request_that_ended_in_time_is_never_cancelled_later()
    {
        var clock = new FakeTimeProvider();
        using var deadline = new RequestDeadline(Timeout, clock, CancellationToken.None);
        var token = deadline.Start();
        clock.Advance(Timeout / 2);
        deadline.Reset();

        clock.Advance(Timeout * 3);

        Assert.False(token.IsCancellationRequested);
        // The same source serves the next request until something cancels it.
        Assert.Equal(token, deadline.Start());
    }

    [Fact]
    public void Each_request_gets_its_own_full_timeout()
    {
        var clock = new FakeTimeProvider();
        using var deadline = new RequestDeadline(Timeout, clock, CancellationToken.None);
        deadline.Start();
        clock.Advance(Timeout * 0.9);
        deadline.Reset();

        var token = deadline.Start();
        clock.Advance(Timeout * 0.9);

        Assert.False(token.IsCancellationRequested);
    }

    [Fact]
    public void End_of_the_run_cancels_the_request_without_calling_it_a_timeout()
    {
        var clock = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        using var deadline = new RequestDeadline(Timeout, clock, stop.Token);
        var token = deadline.Start();

        stop.Cancel();

        Assert.True(token.IsCancellationRequested);
        Assert.False(deadline.Expired);
    }

    [Fact]
    public void Watchdog_follows_the_shortest_timeout_and_stops_when_nothing_is_left()
    {
        var clock = new FakeTimeProvider();
        var watchdog = DeadlineWatchdog.For(clock);
        var slow = new RequestDeadline(TimeSpan.FromSeconds(10), clock, CancellationToken.None);
        var fast = new RequestDeadline(TimeSpan.FromMilliseconds(100), clock, CancellationToken.None);
        Assert.Equal(2, watchdog.Count);

        var token = fast.Start();
        clock.Advance(TimeSpan.FromMilliseconds(100) + DeadlineWatchdog.PeriodFor(TimeSpan.FromMilliseconds(100)));
        Assert.True(token.IsCancellationRequested);

        slow.Dispose();
        fast.Dispose();
        Assert.Equal(0, watchdog.Count);
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(500, 10)]
    [InlineData(5000, 50)]
    [InlineData(60000, 50)]
    public void Watchdog_period_is_a_fiftieth_of_the_timeout_within_1_to_50_ms(int timeoutMs, int periodMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(periodMs), DeadlineWatchdog.PeriodFor(TimeSpan.FromMilliseconds(timeoutMs)));
    }

    [Fact]
    public async Task Racing_the_real_watchdog_never_cancels_a_request_that_was_still_in_time()
    {
        // Requests alternate between ending just before and just after a short timeout while the real timer
        // runs: an expiry must only ever hit the request it was meant for.
        var timeout = TimeSpan.FromMilliseconds(20);
        using var deadline = new RequestDeadline(timeout, TimeProvider.System, CancellationToken.None);
        var wrong = 0;
        var expired = 0;
        for (var i = 0; i < 40; i++)
        {
            // Taken before Start, so the elapsed time measured here is never shorter than the deadline's.
            var started = TimeProvider.System.GetTimestamp();
            var token = deadline.Start();
            await Task.Delay(i % 2 == 0 ? 1 : 30);
            var inTime = TimeProvider.System.GetElapsedTime(started) < timeout;
            if (token.IsCancellationRequested)
            {
                expired++;
                if (inTime)
                {
                    wrong++;
                }
            }

            deadline.Reset();
        }

        Assert.Equal(0, wrong);
        Assert.True(expired > 0);
    }
}
