namespace SysDesignLab.LoadTesting;

/// <summary>
/// One request shape of a profile. <see cref="Path"/> may hold placeholders filled per request:
/// <c>{int:MIN:MAX}</c> (uniform, inclusive), <c>{choice:a|b|c}</c>, <c>{guid}</c>, <c>{user}</c> (the virtual
/// user's number, 1-based) and <c>{session}</c> (what the user's login captured, see <see cref="SessionSpec"/>).
/// </summary>
public sealed record EndpointSpec
{
    /// <summary>Names the endpoint's row in the results; a session's login defaults to "login".</summary>
    public string Name { get; init; } = "";
    public string Method { get; init; } = "GET";
    public required string Path { get; init; }
    public double Weight { get; init; } = 1;
    /// <summary>Optional request body (JSON), placeholders allowed as in the path.</summary>
    public string? Body { get; init; }
    /// <summary>Extra request headers, values templated like the path (e.g. "Bearer {session}").</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    public ResponseExpectation Expect { get; init; } = new();
}
