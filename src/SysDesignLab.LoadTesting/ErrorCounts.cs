namespace SysDesignLab.LoadTesting;

/// <summary>Failed requests by kind; every failed request is counted in exactly one kind.</summary>
public sealed record ErrorCounts(
    long Connect,
    long Timeout,
    long Reset,
    long ServerError,
    long ClientError,
    long WrongBody,
    long Other)
{
    public long Total => Connect + Timeout + Reset + ServerError + ClientError + WrongBody + Other;

    public static ErrorCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public static ErrorCounts operator +(ErrorCounts left, ErrorCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new ErrorCounts(
            left.Connect + right.Connect,
            left.Timeout + right.Timeout,
            left.Reset + right.Reset,
            left.ServerError + right.ServerError,
            left.ClientError + right.ClientError,
            left.WrongBody + right.WrongBody,
            left.Other + right.Other);
    }
}
