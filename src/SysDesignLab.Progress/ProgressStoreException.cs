namespace SysDesignLab.Progress;

/// <summary>
/// The progress database could not be used. The message is meant for the learner: it names the
/// file and says what to do, so the CLI can print it without a stack trace.
/// </summary>
public sealed class ProgressStoreException : Exception
{
    public ProgressStoreException() { }

    public ProgressStoreException(string message) : base(message) { }

    public ProgressStoreException(string message, Exception inner) : base(message, inner) { }

    internal ProgressStoreException(string message, string databasePath, Exception? inner = null)
        : base(message, inner)
    {
        DatabasePath = databasePath;
    }

    /// <summary>The full path of the database file involved, when known.</summary>
    public string? DatabasePath { get; }
}
