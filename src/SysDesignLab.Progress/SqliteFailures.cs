using Microsoft.Data.Sqlite;
using static SQLitePCL.raw;

namespace SysDesignLab.Progress;

/// <summary>
/// Turns SQLite's terse errors into messages a learner can act on, so callers only ever see
/// <see cref="ProgressStoreException"/> for storage trouble.
/// </summary>
internal static class SqliteFailures
{
    public static ProgressStoreException Translate(SqliteException ex, string path) =>
        (ex.SqliteErrorCode & 0xFF) switch
        {
            SQLITE_NOTADB or SQLITE_CORRUPT => Damaged(path, ex),
            SQLITE_BUSY or SQLITE_LOCKED => new ProgressStoreException(
                $"The progress database '{path}' is busy: another sdlab process has held it for too long. "
                + "Wait for the other command to finish and try again.", path, ex),
            SQLITE_CANTOPEN or SQLITE_READONLY or SQLITE_PERM => new ProgressStoreException(
                $"The progress database '{path}' cannot be opened for writing ({ex.Message}). "
                + "Check that the folder exists and that you are allowed to write to it.", path, ex),
            SQLITE_FULL => new ProgressStoreException(
                $"The disk holding the progress database '{path}' is full. Free some space and try again.",
                path, ex),
            _ => new ProgressStoreException(
                $"The progress database '{path}' could not be used: {ex.Message}", path, ex),
        };

    public static ProgressStoreException Damaged(string path, Exception? inner = null) =>
        new($"The progress database '{path}' is not a readable sdlab progress database (it may be damaged "
            + "or another kind of file). You can delete it to start over; this forgets your recorded "
            + "attempts, hints and baselines.", path, inner);
}
