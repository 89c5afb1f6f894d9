namespace SysDesignLab.LoadTesting;

/// <summary>
/// One request shape of a profile. <see cref="Path"/> may hold placeholders filled per request:
/// <c>{int:MIN:MAX}</c> (uniform, inclusive), <c>{choice:a|b|c}</c>, <c>{guid}</c>.
/// </summary>
public sealed record EndpointSpec
{
    public required string Name { get; init; }
    public string Method { get; init; } = "GET";
    public required string Path { get; init; }
    public double Weight { get; init; } = 1;
    /// <summary>Optional request body (JSON), placeholders allowed as in the path.</summary>
    public string? Body { get; init; }
    public ResponseExpectation Expect { get; init; } = new();
}
