namespace SysDesignLab.Scenarios.Engine;

/// <summary>Quoting for commands the lab shows a learner to paste into a shell.</summary>
public static class Shell
{
    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '@' or '=')
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
