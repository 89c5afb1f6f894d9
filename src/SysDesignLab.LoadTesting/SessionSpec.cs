using System.ComponentModel;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// A login each virtual user performs before its first request, like a real client: the response's top-level
/// JSON property <see cref="Capture"/> (e.g. a token) becomes the user's <c>{session}</c> placeholder. A failed
/// login is recorded under the login endpoint's name and retried on the user's next turn.
/// </summary>
[Description("A login each virtual user performs before its first request; a failed login is retried on the user's next turn.")]
public sealed record SessionSpec
{
    /// <summary>The login request; its name defaults to "login" in the results.</summary>
    [Description("The login request; its name defaults to \"login\" in the results.")]
    public required EndpointSpec Login { get; init; }
    [Description("The top-level JSON property of the login's response (e.g. a token) that becomes the user's {session}.")]
    public required string Capture { get; init; }
}
