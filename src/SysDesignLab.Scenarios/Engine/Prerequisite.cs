namespace SysDesignLab.Scenarios.Engine;

/// <summary>Installed software a resource kind needs, and the Debian package that brings it.</summary>
/// <param name="Name">As a learner knows it ("Redis server").</param>
/// <param name="Purpose">What the lab uses it for.</param>
/// <param name="AptPackage">What `sdlab doctor --fix` installs.</param>
/// <param name="Find">Where it is installed, or null when it is missing.</param>
public sealed record Prerequisite(string Name, string Purpose, string AptPackage, Func<string?> Find);
