using Microsoft.Data.Sqlite;

namespace SysDesignLab.Progress;

internal static class SqliteCommands
{
    /// <summary>
    /// Microsoft.Data.Sqlite refuses to run a command on a connection with a pending transaction
    /// unless the command names that transaction, so every command is built with it.
    /// </summary>
    public static SqliteCommand Create(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string sql,
        params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}
