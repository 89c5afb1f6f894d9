namespace SysDesignLab.LoadTesting;

/// <summary>How one request ended; the values index the tally arrays, so keep Success at 0.</summary>
internal enum RequestOutcome
{
    Success = 0,
    Connect,
    Timeout,
    Reset,
    ServerError,
    ClientError,
    WrongBody,
    Other,
}
