using System.ComponentModel;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// One request shape of a profile. <see cref="Path"/> may hold placeholders filled per request:
/// <c>{int:MIN:MAX}</c> (uniform, inclusive), <c>{choice:a|b|c}</c>, <c>{guid}</c>, <c>{user}</c> (the virtual
/// user's number, 1-based) and <c>{session}</c> (what the user's login captured, see <see cref="SessionSpec"/>).
/// </summary>
[Description("One request shape. Path, body and header values take placeholders: {int:MIN:MAX}, {choice:a|b|c}, {guid}, {user} (the virtual user's number, from 1) and {session} (what the login captured).")]
public sealed record EndpointSpec
{
    /// <summary>Names the endpoint's row in the results; a session's login defaults to "login".</summary>
    [Description("Names the endpoint's row in the results; unique in the profile. A login defaults to \"login\".")]
    public string Name { get; init; } = "";
    [Description("The HTTP method.")]
    public string Method { get; init; } = "GET";
    [Description("The request path, starting with '/', placeholders allowed (e.g. /feed?page={int:1:10}).")]
    public required string Path { get; init; }
    [Description("This endpoint's share of the requests, relative to the other endpoints' weights.")]
    public double Weight { get; init; } = 1;
    /// <summary>Optional request body (JSON), placeholders allowed as in the path.</summary>
    [Description("Optional request body (JSON), placeholders allowed as in the path.")]
    public string? Body { get; init; }
    /// <summary>Extra request headers, values templated like the path (e.g. "Bearer {session}").</summary>
    [Description("Extra request headers, values templated like the path (e.g. \"Bearer {session}\").")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    [Description("What a successful response looks like; anything else counts as an error.")]
    public ResponseExpectation Expect { get; init; } = new();
}
