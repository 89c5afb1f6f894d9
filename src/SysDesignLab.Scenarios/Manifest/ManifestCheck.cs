using System.Diagnostics.CodeAnalysis;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>
/// The field checks a manifest's validation is made of, shared by the engine and by plug-ins
/// (resource kinds, probes): each throws a <see cref="ManifestException"/> naming the file, the
/// field and what to write instead.
/// </summary>
public sealed class ManifestCheck(string file, string directory)
{
    /// <summary>The scenario's folder, which relative paths in the manifest start from.</summary>
    public string Directory => directory;

    public void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "is missing or empty.");
        }
    }

    public void RequireFile(string? relative, string field)
    {
        Require(relative, field);
        if (!File.Exists(Path.Combine(directory, relative!)))
        {
            Fail(field, $"points to '{relative}', which does not exist in the scenario folder.");
        }
    }

    public void RequireDuration(string? value, string field, bool allowZero)
    {
        if (!DurationParser.TryParse(value ?? "", out var duration) || (!allowZero && duration <= TimeSpan.Zero))
        {
            Fail(field, $"is '{value}'; write a duration like \"20s\", \"500ms\" or \"2m\"{(allowZero ? "" : " (more than zero)")}.");
        }
    }

    /// <summary>A criterion that compares a number: a known operator and the value to compare with.</summary>
    public void RequireComparison(CriterionSpec c, string at, string compared)
    {
        if (c.Op is null || !KnownValues.Operators.Contains(c.Op))
        {
            Fail($"{at}.op", $"is '{c.Op}'; expected one of {string.Join(", ", KnownValues.Operators)}.");
        }
        if (c.Value is null)
        {
            Fail($"{at}.value", $"is missing; give the number {compared} is compared with.");
        }
    }

    /// <summary>Settings a resource kind does not know are typos or wishes: both deserve a message.</summary>
    public void RequireKnownSettings(IReadOnlyDictionary<string, string> settings, IReadOnlyCollection<string> known, string at)
    {
        foreach (var key in settings.Keys.Where(k => !known.Contains(k)))
        {
            Fail($"{at}.settings.{key}", known.Count == 0
                ? "is not a setting of this kind: it takes none."
                : $"is not a setting of this kind; it takes {string.Join(", ", known)}.");
        }
    }

    [DoesNotReturn]
    public void Fail(string field, string problem) => throw new ManifestException(file, field, problem);
}
