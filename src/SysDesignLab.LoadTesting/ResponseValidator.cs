using System.Text;

namespace SysDesignLab.LoadTesting;

/// <summary>A <see cref="ResponseExpectation"/> compiled for the hot path (needle encoded once).</summary>
internal sealed class ResponseValidator
{
    private readonly int? expectedStatus;
    private readonly int[]? expectedStatuses;
    private readonly int? arrayLength;
    private readonly byte[]? needle;

    public ResponseValidator(ResponseExpectation expectation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        expectedStatus = expectation.Status;
        expectedStatuses = expectation.Statuses is { Count: > 0 } statuses ? [.. statuses] : null;
        arrayLength = expectation.JsonArrayLength;
        needle = expectation.BodyContains is { } text ? Encoding.UTF8.GetBytes(text) : null;
    }

    /// <summary>When false the body is only drained, never inspected.</summary>
    public bool NeedsBody => arrayLength.HasValue || needle is not null;

    public RequestOutcome CheckStatus(int status)
    {
        if (expectedStatuses is null)
        {
            return ErrorClassifier.ClassifyStatus(status, expectedStatus);
        }

        // Not one of the listed statuses: classify it as unexpected against any of them (it differs from all).
        return Array.IndexOf(expectedStatuses, status) >= 0
            ? RequestOutcome.Success
            : ErrorClassifier.ClassifyStatus(status, expectedStatuses[0]);
    }

    public bool CheckBody(ReadOnlySpan<byte> body)
    {
        if (needle is not null && body.IndexOf(needle) < 0)
        {
            return false;
        }

        return arrayLength is not { } expected
            || (JsonArrayCounter.TryCount(body, out var count) && count == expected);
    }
}
