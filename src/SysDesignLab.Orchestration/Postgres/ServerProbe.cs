using Npgsql;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>Asks a lab server one question on a connection of its own, for readiness checks.</summary>
internal static class ServerProbe
{
    /// <summary>What <paramref name="sql"/> returns, or null while the server does not answer (not started yet, or gone).</summary>
    public static async Task<object?> TryScalarAsync(int port, string password, string sql, CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgresServer.BuildConnectionString(port, password, "postgres", pooling: false, lab: true))
            {
                Timeout = 3,
            };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return null;
        }
    }
}
