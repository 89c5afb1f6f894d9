using System.Text;

namespace SysDesignLab.LoadTesting;

/// <summary>A <see cref="ResponseExpectation"/> compiled for the hot path (needle encoded once).</summary>
internal sealed class ResponseValidator
{
    private readonly int? expectedStatus;
    private readonly int? arrayLength;
    private readonly byte[]? needle;

    public ResponseValidator(ResponseExpectation expectation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        expectedStatus = expectation.Status;
        arrayLength = expectation.JsonArrayLength;
        needle = expectation.BodyContains is { } text ? Encoding.UTF8.GetBytes(text) : null;
    }

    /// <summary>When false the body is only drained, never inspected.</summary>
    public bool NeedsBody => arrayLength.HasValue || needle is not null;

    public RequestOutcome CheckStatus(int status) => ErrorClassifier.ClassifyStatus(status, expectedStatus);

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
