namespace SysDesignLab.LoadTesting;

/// <summary>
/// What a template knows about the virtual user it renders for: <c>{user}</c> is <see cref="Number"/> and
/// <c>{session}</c> is <see cref="Session"/>, the value captured from the user's login response.
/// </summary>
public sealed class UserContext(int number)
{
    /// <summary>Used when rendering outside a run (e.g. validating a template): user 1, no session.</summary>
    public static UserContext None { get; } = new(1);

    /// <summary>1-based, so "user{user}" names user1 … userN, the way seed data usually numbers them.</summary>
    public int Number { get; } = number;

    /// <summary>Null until the user has logged in (or when the profile has no session).</summary>
    public string? Session { get; set; }
}
