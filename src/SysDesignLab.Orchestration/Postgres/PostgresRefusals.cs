using Npgsql;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// PostgreSQL refusals of the lab's own connections that a learner can act on, worded as one
/// message instead of an "unexpected error": every connection slot taken, by apps still running.
/// </summary>
public static class PostgresRefusals
{
    public static LabException? Explain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.TooManyConnections })
            {
                return new LabException(
                    "PostgreSQL refused the lab a connection: all of its max_connections are in use, most likely by apps still " +
                    "running queries (the one `sdlab start` started, or a run that just ended). Wait a few seconds, or stop them " +
                    "with `sdlab stop`, then try again.");
            }
        }
        return null;
    }
}
