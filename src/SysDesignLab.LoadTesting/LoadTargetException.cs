namespace SysDesignLab.LoadTesting;

/// <summary>The load target is not allowed, e.g. a remote host without an explicit opt-in.</summary>
public sealed class LoadTargetException : Exception
{
    public LoadTargetException()
    {
    }

    public LoadTargetException(string message)
        : base(message)
    {
    }

    public LoadTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LoadTargetException(string message, Uri target)
        : base(message)
    {
        Target = target;
    }

    public Uri? Target { get; }
}
