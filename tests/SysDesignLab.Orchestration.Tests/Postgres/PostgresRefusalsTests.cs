using Npgsql;
using SysDesignLab.Orchestration.Postgres;

namespace SysDesignLab.Orchestration.Tests.Postgres;

public sealed class PostgresRefusalsTests
{
    [Fact]
    public void Too_many_clients_becomes_one_message_that_says_what_to_do()
    {
        var refused = new PostgresException("sorry, too many clients already", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections);

        var explained = PostgresRefusals.Explain(new InvalidOperationException("opening the check's database", refused));

        Assert.NotNull(explained);
        Assert.Contains("max_connections are in use", explained.Message, StringComparison.Ordinal);
        Assert.Contains("sdlab stop", explained.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_database_errors_stay_unexpected()
    {
        Assert.Null(PostgresRefusals.Explain(new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError)));
    }
}
