using StackExchange.Redis;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Orchestration.Redis;

namespace SysDesignLab.Orchestration.Tests.Redis;

[Trait("Category", "Integration")]
public sealed class RedisServerTests
{
    [Fact]
    public async Task Server_starts_through_LabHost_and_answers_a_client_with_the_password()
    {
        await using var lab = new RedisTestLab();
        var server = await lab.StartAsync();

        Assert.Equal("redis", server.Kind);
        Assert.Equal($"127.0.0.1:{server.Port}", Assert.Single(server.Endpoints).ToString());
        Assert.NotNull(server.ProcessId);
        Assert.Equal(Path.Combine(lab.Paths.Logs, "redis-cache.log"), server.LogPath);
        Assert.Contains("Ready to accept connections", await File.ReadAllTextAsync(server.LogPath), StringComparison.Ordinal);
        await using var client = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var db = client.GetDatabase();
        await db.StringSetAsync("greeting", "hello");
        Assert.Equal("hello", (string?)await db.StringGetAsync("greeting"));
    }

    [Fact]
    public async Task Server_refuses_a_client_without_the_password_or_with_a_wrong_one()
    {
        await using var lab = new RedisTestLab();
        var server = await lab.StartAsync();

        foreach (var configuration in new[] { $"127.0.0.1:{server.Port}", $"127.0.0.1:{server.Port},password=not-the-password" })
        {
            var refused = await Assert.ThrowsAnyAsync<RedisException>(async () =>
            {
                await using var client = await ConnectionMultiplexer.ConnectAsync(configuration + ",abortConnect=true,connectTimeout=3000");
                await client.GetDatabase().StringSetAsync("k", "v");
            });
            var connection = Assert.IsType<RedisConnectionException>(refused);
            Assert.Equal(ConnectionFailureType.AuthenticationFailure, connection.FailureType);
        }
    }

    [Fact]
    public async Task Server_listens_on_127_0_0_1_only_in_protected_mode()
    {
        await using var lab = new RedisTestLab();
        var server = await lab.StartAsync();

        await using var client = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString + ",allowAdmin=true");
        var admin = client.GetServers()[0];
        Assert.Equal("127.0.0.1", (await admin.ConfigGetAsync("bind")).Single().Value);
        Assert.Equal("yes", (await admin.ConfigGetAsync("protected-mode")).Single().Value);
        Assert.Equal("", (await admin.ConfigGetAsync("save")).Single().Value);
        Assert.Equal("", (await admin.ConfigGetAsync("unixsocket")).Single().Value);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Password_is_kept_in_an_owner_only_file_and_reused_across_starts()
    {
        await using var lab = new RedisTestLab();
        var first = await lab.StartAsync();
        var password = first.Password;
        await first.StopAsync();
        var second = await lab.StartAsync();

        Assert.Equal(32, password.Length);
        Assert.Equal(password, second.Password);
        Assert.Equal(password, (await File.ReadAllTextAsync(second.PasswordFile)).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(second.PasswordFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(second.ConfigFile));
        Assert.Equal(Path.Combine(lab.StateRoot, "redis", "cache"), second.Folder);
    }

    [Fact]
    public async Task Each_start_is_a_fresh_empty_server_even_with_an_append_only_file()
    {
        await using var lab = new RedisTestLab();
        var settings = new Dictionary<string, string> { ["appendonly"] = "yes" };
        var first = await lab.StartAsync(settings: settings);
        await using (var client = await ConnectionMultiplexer.ConnectAsync(first.ConnectionString))
        {
            await client.GetDatabase().StringSetAsync("left-over", "warm");
        }
        await first.StopAsync();

        var second = await lab.StartAsync(settings: settings);
        await using var again = await ConnectionMultiplexer.ConnectAsync(second.ConnectionString);
        Assert.False(await again.GetDatabase().KeyExistsAsync("left-over"));
    }

    [Fact]
    public async Task Stop_leaves_no_redis_server_process_of_the_group()
    {
        await using var lab = new RedisTestLab();
        var server = await lab.StartAsync();
        var pid = server.ProcessId!.Value;
        Assert.Contains(pid, RedisProcesses.InGroup(pid));

        await server.StopAsync();

        Assert.Empty(RedisProcesses.InGroup(pid));
        Assert.False(BackgroundProcess.IsAlive(pid));
        Assert.Null(server.ProcessId);
        Assert.False(File.Exists(Path.Combine(server.Folder, "server.pid")));
    }

    [Fact]
    public async Task A_server_that_dies_while_starting_fails_with_its_log()
    {
        await using var lab = new RedisTestLab();
        var server = new RedisServer("cache", lab.Paths);
        await server.StartAsync(CancellationToken.None);
        NativeMethods.Kill(server.ProcessId!.Value, NativeMethods.SIGKILL);
        for (var i = 0; i < 100 && server.ProcessId is not null; i++)
        {
            await Task.Delay(20);
        }

        var error = Assert.Throws<LabException>(server.ThrowIfFailed);
        Assert.Contains("exited while starting", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.LogPath, error.Message, StringComparison.Ordinal);
        await server.StopAsync();
    }

    [Fact]
    public async Task A_second_server_of_the_same_name_is_refused_while_the_first_runs()
    {
        await using var lab = new RedisTestLab();
        var first = await lab.StartAsync();

        var error = await Assert.ThrowsAsync<LabException>(() => new RedisServer("cache", lab.Paths).StartAsync(CancellationToken.None));
        Assert.Contains("already running", error.Message, StringComparison.Ordinal);
        Assert.True(await first.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_server_leased_to_a_running_lab_process_is_not_taken_over_by_another_start()
    {
        await using var lab = new RedisTestLab();
        var server = await lab.StartAsync();
        // Stands for `sdlab start`'s app, which keeps using the server after the CLI has exited.
        var app = BackgroundProcess.Start("/bin/sleep", ["60"], Path.Combine(lab.StateRoot, "app.log"));
        try
        {
            server.LeaseFor(app.Pid);

            var error = await Assert.ThrowsAsync<LabException>(() => new RedisServer("cache", lab.Paths).StartAsync(CancellationToken.None));

            Assert.Equal($"Redis 'cache' is in use by another lab command (pid {app.Pid}); wait for it to finish or run `sdlab stop`.", error.Message);
            Assert.True(await server.IsHealthyAsync(CancellationToken.None));
        }
        finally
        {
            await app.StopAsync(TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public async Task A_server_left_behind_by_a_lab_command_that_has_gone_is_replaced()
    {
        await using var lab = new RedisTestLab();
        var leftover = await lab.StartAsync();
        var leftoverPid = leftover.ProcessId!.Value;
        // As if the command that started it had been killed: its owner no longer runs.
        var pidFile = Path.Combine(leftover.Folder, "server.pid");
        await File.WriteAllTextAsync(pidFile, $"{leftoverPid}\n{leftover.Port}\n{int.MaxValue - 1}\n");

        var fresh = await lab.StartAsync();

        Assert.False(BackgroundProcess.IsAlive(leftoverPid));
        Assert.True(await fresh.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public void Missing_redis_server_names_the_apt_package()
    {
        var error = Assert.Throws<PrerequisiteMissingException>(() => RedisServer.FindBinary(["/nonexistent/redis-server"]));
        Assert.Contains("apt-get install -y redis-server", error.Message, StringComparison.Ordinal);
    }
}
