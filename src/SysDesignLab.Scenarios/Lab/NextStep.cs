namespace SysDesignLab.Scenarios.Lab;

/// <summary>
/// What comes after a pass: the guide's reflection questions (the file and the heading to open) and
/// the next scenario, or null when this was the last one.
/// </summary>
public sealed record NextStep(string GuidePath, string? ReflectionHeading, string? NextScenarioId)
{
    // Headings that hold the questions to answer after a pass, in order of preference.
    private static readonly string[] ReflectionWords = ["reflect", "questions", "your results"];

    public string? NextScenarioNumber => NextScenarioId?.Split('-')[0];

    public static NextStep After(ScenarioCatalog catalog, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(scenario);
        var ids = catalog.Ids();
        var index = ids.ToList().IndexOf(scenario.Id);
        var next = index >= 0 && index + 1 < ids.Count ? ids[index + 1] : null;
        return new NextStep(scenario.GuidePath, ReflectionHeadingIn(scenario.GuidePath), next);
    }

    /// <summary>The guide's heading for the reflection questions ("Reflect", "Questions", else "Your results"); null without one.</summary>
    public static string? ReflectionHeadingIn(string guidePath)
    {
        if (!File.Exists(guidePath))
        {
            return null;
        }
        var headings = File.ReadLines(guidePath)
            .Where(l => l.StartsWith('#'))
            .Select(l => l.TrimStart('#').Trim())
            .ToList();
        return ReflectionWords
            .Select(word => headings.FirstOrDefault(h => h.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(h => h is not null);
    }
}
