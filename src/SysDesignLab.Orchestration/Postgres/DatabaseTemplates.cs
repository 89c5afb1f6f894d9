using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// Schema and seed data are loaded once into a template database; every run then gets a fresh
/// copy with CREATE DATABASE … TEMPLATE, which takes seconds instead of re-seeding. A disk that fills
/// up on the way is reported as such (<see cref="DiskSpace"/>), never as a failing script.
/// </summary>
public sealed class DatabaseTemplates(PostgresServer server)
{
    /// <summary>The free space a template build asks for; tests lower it to fill a small disk for real.</summary>
    internal long TemplateBytes { get; init; } = DiskSpace.TemplateBytes;

    private string Folder => Path.GetDirectoryName(server.DataDirectory)!;

    /// <summary>Makes sure <paramref name="templateName"/> holds exactly these scripts' result; rebuilds it when they changed.</summary>
    public async Task EnsureTemplateAsync(string templateName, IReadOnlyList<string> scriptPaths, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        try
        {
            await BuildTemplateAsync(templateName, scriptPaths, progress, cancellationToken);
        }
        catch (NpgsqlException e) when (IsDiskFull(e))
        {
            throw DiskSpace.Full(Folder, TemplateBytes, inner: e);
        }
    }

    private async Task BuildTemplateAsync(string templateName, IReadOnlyList<string> scriptPaths, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var scripts = new List<(string Path, string Sql)>();
        foreach (var path in scriptPaths)
        {
            if (!File.Exists(path))
            {
                throw new LabException($"The SQL script {path} does not exist. Check the `database` section of the scenario's manifest.");
            }
            scripts.Add((path, await File.ReadAllTextAsync(path, cancellationToken)));
        }
        var stamp = "sdlab:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n--\n", scripts.Select(s => s.Sql)))));

        await using (var admin = await OpenAsync("postgres", cancellationToken))
        {
            var existing = await ScalarAsync<string?>(admin,
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1", cancellationToken, templateName);
            if (existing == stamp)
            {
                return;
            }
            DiskSpace.EnsureFree(Folder, TemplateBytes);
            progress?.Report($"Loading schema and seed data into template '{templateName}' (first time only)…");
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Quote(templateName)} WITH (FORCE)", cancellationToken);
            await ExecuteAsync(admin, $"CREATE DATABASE {Quote(templateName)}", cancellationToken);
        }

        await using (var template = await OpenAsync(templateName, cancellationToken))
        {
            foreach (var (path, sql) in scripts)
            {
                try
                {
                    await using var command = new NpgsqlCommand(sql, template) { CommandTimeout = 600 };
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (PostgresException e) when (!IsDiskFull(e))
                {
                    throw new LabException($"{Path.GetFileName(path)} failed in PostgreSQL: {e.MessageText}" +
                        (e.Position > 0 ? $" (at character {e.Position})" : "") + $". File: {path}", e);
                }
            }
        }

        await using (var admin = await OpenAsync("postgres", cancellationToken))
        {
            // The stamp goes on last, so a kill halfway through leaves a template that is rebuilt next time.
            await ExecuteAsync(admin, $"COMMENT ON DATABASE {Quote(templateName)} IS '{stamp}'", cancellationToken);
        }
    }

    /// <summary>Drops <paramref name="database"/> if it exists and recreates it as a copy of the template.</summary>
    public async Task CreateFreshCopyAsync(string database, string templateName, CancellationToken cancellationToken)
    {
        long needed = DiskSpace.CopyMarginBytes;
        try
        {
            await using var admin = await OpenAsync("postgres", cancellationToken);
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Quote(database)} WITH (FORCE)", cancellationToken);
            needed += await ScalarAsync<long>(admin, "SELECT pg_database_size($1::text)", cancellationToken, templateName);
            DiskSpace.EnsureFree(Folder, needed);
            // FILE_COPY copies the files instead of WAL-logging every block: much faster for a big template.
            await ExecuteAsync(admin, $"CREATE DATABASE {Quote(database)} TEMPLATE {Quote(templateName)} STRATEGY FILE_COPY", cancellationToken);
        }
        catch (NpgsqlException e) when (IsDiskFull(e))
        {
            throw DiskSpace.Full(Folder, needed, inner: e);
        }
    }

    /// <summary>
    /// A full disk shows as an error naming it, or, when PostgreSQL could not even write its WAL and
    /// went down, as a broken connection with the reason in the server's log.
    /// </summary>
    private bool IsDiskFull(NpgsqlException error) =>
        DiskSpace.IsFull(error) ||
        (error is not PostgresException && DiskSpace.FreeBytes(Folder) < DiskSpace.CopyMarginBytes &&
         server.LogPath is { } log && DiskSpace.IsFull(Processes.LogTail.Read(log)));

    public async Task DropAsync(string database, CancellationToken cancellationToken)
    {
        await using var admin = await OpenAsync("postgres", cancellationToken);
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Quote(database)} WITH (FORCE)", cancellationToken);
    }

    public async Task<NpgsqlConnection> OpenAsync(string database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(server.ConnectionString(database, pooling: false, lab: true));
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }
}
