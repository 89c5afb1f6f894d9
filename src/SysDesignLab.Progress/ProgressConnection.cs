using Microsoft.Data.Sqlite;

namespace SysDesignLab.Progress;

/// <summary>Opens the database file with the settings that make it crash-safe and shareable.</summary>
internal static class ProgressConnection
{
    // Long enough to outlast another sdlab process's write (milliseconds), short enough that a
    // genuinely stuck process is reported rather than waited on forever.
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(15);

    public static SqliteConnection Open(string path)
    {
        CreateFolderFor(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // A pooled connection would keep the file open after Dispose, which locks it on Windows
            // and stops callers (and tests) from deleting the folder.
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString());
        try
        {
            connection.Open();
            Configure(connection, path);
            ProgressSchema.Migrate(connection, path);
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw SqliteFailures.Translate(ex, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void CreateFolderFor(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ProgressStoreException(
                $"Could not create the folder '{folder}' for the progress database '{path}': {ex.Message}", path, ex);
        }
    }

    private static void Configure(SqliteConnection connection, string path)
    {
        // busy_timeout first: the statements after it may have to wait for another sdlab process.
        Pragma(connection, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}");
        // A filesystem without shared memory refuses WAL and keeps the rollback journal, which is
        // just as crash-safe, only worse with concurrent readers; so that is accepted, not an error.
        Pragma(connection, "PRAGMA journal_mode = WAL");
        // FULL makes a commit durable across power loss, not just process death; the writes are tiny.
        Pragma(connection, "PRAGMA synchronous = FULL");
        // A file with a valid header but damaged pages would otherwise fail later, on some query.
        if (Pragma(connection, "PRAGMA quick_check(1)") is not "ok")
        {
            throw SqliteFailures.Damaged(path);
        }
    }

    private static string? Pragma(SqliteConnection connection, string sql)
    {
        using var command = SqliteCommands.Create(connection, null, sql);
        return command.ExecuteScalar()?.ToString();
    }
}
