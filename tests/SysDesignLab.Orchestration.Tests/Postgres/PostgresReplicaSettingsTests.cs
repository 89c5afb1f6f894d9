using SysDesignLab.Orchestration.Postgres;

namespace SysDesignLab.Orchestration.Tests.Postgres;

public sealed class PostgresReplicaSettingsTests
{
    [Fact]
    public void Durations_with_a_unit_booleans_sizes_and_counts_are_accepted()
    {
        var settings = new Dictionary<string, string>
        {
            ["recovery_min_apply_delay"] = "500ms",
            ["wal_receiver_status_interval"] = "1s",
            ["max_standby_streaming_delay"] = "-1",
            ["hot_standby"] = "on",
            ["hot_standby_feedback"] = "off",
            ["shared_buffers"] = "128MB",
            ["max_connections"] = "300",
        };
        Assert.Empty(PostgresReplicaSettings.Validate(settings));
        Assert.Empty(PostgresReplicaSettings.Validate(null));
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2_000)]
    [InlineData("1min", 60_000)]
    [InlineData(" 1h ", 3_600_000)]
    [InlineData("0", 0)]
    public void Durations_read_in_their_unit(string text, int milliseconds)
    {
        Assert.True(PostgresReplicaSettings.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("2 sec")]
    [InlineData("1.5s")]
    [InlineData("2d")]
    [InlineData("")]
    public void A_bare_number_a_spelled_out_unit_a_fraction_or_more_than_a_day_is_not_a_duration(string text) =>
        Assert.False(PostgresReplicaSettings.TryParseDuration(text, out _));

    [Fact]
    public void Each_problem_is_one_message_saying_what_to_write()
    {
        var problems = PostgresReplicaSettings.Validate(new Dictionary<string, string>
        {
            ["recovery_min_apply_delay"] = "2",
            ["hot_standby"] = "off",
            ["fsync"] = "on",
            ["hot_standby_feedback"] = "maybe",
            ["work_mem"] = "64",
            ["max_connections"] = "lots",
        });

        Assert.Equal(
        [
            "'fsync' is not a replica setting; the lab allows hot_standby, hot_standby_feedback, max_connections, max_standby_streaming_delay, recovery_min_apply_delay, shared_buffers, wal_receiver_status_interval, work_mem.",
            "hot_standby is 'off'; a replica without it refuses every connection, so nothing could read from it. Leave it on, or leave it out.",
            "hot_standby_feedback is 'maybe'; give on or off.",
            "max_connections is 'lots'; give a whole number from 1 to 10000.",
            "recovery_min_apply_delay is '2'; give a whole number with a unit, like 500ms, 2s or 1min, up to 1d.",
            "work_mem is '64'; give a whole number with a unit, like 128MB or 1GB.",
        ], problems);
    }

    [Fact]
    public void A_replica_with_bad_settings_is_refused_when_it_is_described_before_anything_starts()
    {
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, Path.Combine(Path.GetTempPath(), "sdlab-never-created"));
        var primary = new PostgresServer("db", paths);

        var error = Assert.Throws<LabException>(() => new PostgresReplica("replica", primary, paths, new Dictionary<string, string> { ["recovery_min_apply_delay"] = "two seconds" }));

        Assert.Equal("Replica 'replica' has settings the lab cannot run it with: recovery_min_apply_delay is 'two seconds'; give a whole number with a unit, like 500ms, 2s or 1min, up to 1d.", error.Message);
        Assert.False(Directory.Exists(paths.StateRoot));
    }

    [Theory]
    [InlineData("data")]
    [InlineData("leases")]
    [InlineData("../db")]
    [InlineData("")]
    public void A_server_name_that_is_not_a_plain_folder_name_of_its_own_is_refused(string name)
    {
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, Path.Combine(Path.GetTempPath(), "sdlab-never-created"));

        var error = Assert.Throws<LabException>(() => new PostgresServer(name, paths));

        Assert.StartsWith($"'{name}' cannot name a PostgreSQL server: the name is its folder", error.Message, StringComparison.Ordinal);
    }
}
