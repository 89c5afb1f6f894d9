using Npgsql;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Tests.Postgres;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PostgresPasswordTests(PostgresFixture fixture)
{
    [Fact]
    public async Task A_login_without_the_password_or_with_a_wrong_one_is_refused()
    {
        var noPassword = Builder();
        noPassword.Passfile = "/dev/null"; // nothing picked up from the environment either
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(noPassword));

        var wrong = Builder();
        wrong.Password = "not-the-password";
        var refused = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(wrong));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);

        await OpenAsync(new NpgsqlConnectionStringBuilder(fixture.Server.ConnectionString("postgres", pooling: false)));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_password_file_is_readable_by_its_owner_only()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.Server.PasswordFile));
        Assert.DoesNotContain("trust", File.ReadAllText(Path.Combine(fixture.Server.DataDirectory, "pg_hba.conf")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Psql_logs_in_with_the_password_file_it_is_pointed_at()
    {
        var psql = await ProcessRunner.RunAsync("psql",
            ["-h", "127.0.0.1", "-p", fixture.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", PostgresServer.User,
             "-w", "-At", "-c", "SELECT current_user", "postgres"],
            new Dictionary<string, string> { ["PGPASSFILE"] = fixture.Server.PasswordFile });
        Assert.True(psql.Succeeded, psql.Output);
        Assert.Equal(PostgresServer.User, psql.StandardOutput.Trim());
    }

    private NpgsqlConnectionStringBuilder Builder() => new()
    {
        Host = "127.0.0.1",
        Port = fixture.Server.Port,
        Username = PostgresServer.User,
        Database = "postgres",
        Pooling = false,
    };

    private static async Task OpenAsync(NpgsqlConnectionStringBuilder builder)
    {
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
    }
}
