using System.Globalization;
using Npgsql;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Tests.Postgres;

/// <summary>
/// A server where lab versions before per-name folders kept it: data, pgpass and log straight in
/// <c>&lt;StateRoot&gt;/postgres/</c>. Made from a cluster today's lab initialises, then moved there.
/// </summary>
internal static class OldLayout
{
    /// <summary>Leaves an old-layout cluster holding database <paramref name="marker"/>; started on a port of its own when <paramref name="running"/>.</summary>
    public static async Task<PostgresLayout> CreateAsync(LabPaths paths, string marker, bool running)
    {
        var server = new PostgresServer("made-for-old-layout", paths);
        await server.StartAsync(CancellationToken.None);
        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres", pooling: false)))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {marker}", connection);
            await create.ExecuteNonQueryAsync();
        }
        await server.StopAsync();
        var root = Path.GetDirectoryName(server.DataDirectory)!;
        var legacy = PostgresLayout.Legacy(Path.GetDirectoryName(root)!);
        Directory.Move(server.DataDirectory, legacy.DataDirectory);
        File.Move(server.PasswordFile, legacy.PasswordFile);
        Directory.Delete(root, recursive: true);
        if (ProcessRunner.IsRoot)
        {
            // Older versions ran the server as the postgres user from this folder, and gave it to that user.
            await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", legacy.Root]);
        }
        if (running)
        {
            var port = FreePort.Find();
            var start = await legacy.RunAsPostgresAsync(
                ["setsid", PostgresInstallation.Find().PgCtl, "start", "-D", legacy.DataDirectory, "-l", legacy.LogFile, "-w", "-t", "60",
                 "-o", PostgresSettings.ToCommandLine(port, PostgresSettings.Defaults)],
                CancellationToken.None);
            Assert.True(start.Succeeded, start.Output);
            Assert.Equal(port.ToString(CultureInfo.InvariantCulture), File.ReadLines(Path.Combine(legacy.DataDirectory, "postmaster.pid")).ElementAt(3));
        }
        return legacy;
    }
}
