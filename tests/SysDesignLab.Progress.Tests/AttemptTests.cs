namespace SysDesignLab.Progress.Tests;

public sealed class AttemptTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly ManualClock _clock = new(Start);
    private readonly ProgressStore _store;

    public AttemptTests() => _store = ProgressStore.Open(_temp.Combine("progress.db"), _clock);

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Recorded_attempts_come_back_oldest_first_with_their_json_verbatim()
    {
        const string firstJson = "{ \"goodput\" : 12.5,\n  \"notes\": [\"ünïcödé\", null] }";
        var first = _store.RecordAttempt("s1", passed: false, firstJson);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = _store.RecordAttempt("s1", passed: true, "{}");

        var attempts = _store.GetAttempts("s1");

        Assert.Equal([first, second], attempts);
        Assert.Equal(firstJson, attempts[0].ResultJson);
        Assert.Equal(Start, attempts[0].At);
        Assert.Equal(Start.AddMinutes(5), attempts[1].At);
        Assert.True(attempts[1].Id > attempts[0].Id);
    }

    [Fact]
    public void Attempts_are_kept_per_scenario()
    {
        _store.RecordAttempt("s1", false, "{}");
        _store.RecordAttempt("s2", true, "{}");

        Assert.Single(_store.GetAttempts("s1"));
        Assert.Single(_store.GetAttempts("s2"));
        Assert.Empty(_store.GetAttempts("unknown"));
    }

    [Fact]
    public void Attempt_time_is_stored_in_utc_whatever_the_clock_offset()
    {
        var local = new DateTimeOffset(2025, 6, 1, 14, 0, 0, TimeSpan.FromHours(2));
        using var store = ProgressStore.Open(_temp.Combine("other.db"), new ManualClock(local));

        var recorded = store.RecordAttempt("s1", true, "{}");
        var read = Assert.Single(store.GetAttempts("s1"));

        Assert.Equal(local, read.At);
        Assert.Equal(TimeSpan.Zero, read.At.Offset);
        Assert.Equal(recorded, read);
    }

    [Fact]
    public void Progress_summarises_the_attempt_history()
    {
        _store.RecordAttempt("s1", false, "{}");
        _clock.Advance(TimeSpan.FromMinutes(1));
        _store.RecordAttempt("s1", true, "{}");
        _clock.Advance(TimeSpan.FromMinutes(1));
        _store.RecordAttempt("s1", false, "{}");

        var progress = _store.Get("s1");

        Assert.Equal(new ScenarioProgress("s1", 3, true, Start.AddMinutes(1), Start.AddMinutes(2), 0, false), progress);
    }

    [Fact]
    public void An_unknown_scenario_reads_as_all_zeros()
    {
        Assert.Equal(new ScenarioProgress("never-seen", 0, false, null, null, 0, false), _store.Get("never-seen"));
    }

    [Fact]
    public void GetAll_lists_every_scenario_touched_by_an_attempt_or_help()
    {
        _store.RecordAttempt("attempted", false, "{}");
        _store.RevealNextHint("hinted", 3);
        _store.MarkSolutionRevealed("peeked");

        var all = _store.GetAll();

        Assert.Equal(["attempted", "hinted", "peeked"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(_store.Get("attempted"), all["attempted"]);
        Assert.Equal(_store.Get("hinted"), all["hinted"]);
        Assert.Equal(_store.Get("peeked"), all["peeked"]);
    }

    [Fact]
    public void GetAll_is_empty_for_a_new_store()
    {
        Assert.Empty(_store.GetAll());
    }

    [Fact]
    public void Blank_scenario_ids_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => _store.RecordAttempt(" ", true, "{}"));
        Assert.Throws<ArgumentNullException>(() => _store.RecordAttempt("s1", true, null!));
    }

    [Fact]
    public void A_disposed_store_refuses_further_calls()
    {
        _store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _store.Get("s1"));
    }
}
