using System.Text.Json;
using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration.Faults;
using SysDesignLab.Scenarios.Engine;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>Reads and validates scenario.json; every problem names the file, the field and what is wrong.</summary>
public static class ManifestLoader
{
    public const string FileName = "scenario.json";

    // Internal so ManifestSchema describes the manifest as this reads it.
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static Scenario Load(string scenarioDirectory, LabRegistry? registry = null)
    {
        var directory = Path.GetFullPath(scenarioDirectory);
        var id = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar));
        var file = Path.Combine(directory, FileName);
        var shownFile = Path.Combine(Path.GetFileName(Path.GetDirectoryName(directory)) ?? "", id, FileName);
        if (!File.Exists(file))
        {
            throw new ManifestException(shownFile, "", "the file is missing; every scenario folder needs a scenario.json manifest.");
        }
        ScenarioManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ScenarioManifest>(File.ReadAllText(file), Options)
                ?? throw new ManifestException(shownFile, "", "the file is empty (null).");
        }
        catch (JsonException e)
        {
            var field = (e.Path ?? "").TrimStart('$', '.');
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw new ManifestException(shownFile, field, $"{FirstSentence(e.Message)}{where}");
        }
        var validator = new ManifestValidator(shownFile, directory, id, registry ?? LabRegistry.Default);
        validator.Validate(manifest);
        var load = manifest.Load!;
        return new Scenario(id, directory, manifest, BuildProfile(load, load.Endpoints, load.Session),
            BuildProfile(manifest.Check!, manifest.CheckEndpoints(), manifest.CheckSession()))
        {
            LoadFaults = Faults(load),
            CheckFaults = Faults(manifest.Check!),
        };
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    internal static TimeSpan Duration(string? text) => DurationParser.TryParse(text ?? "", out var d) ? d : TimeSpan.Zero;

    /// <summary>A profile's fault schedule as the runner takes it (the validator has checked every field).</summary>
    internal static IReadOnlyList<Fault> Faults(LoadSpec spec) => spec.Faults
        .Select(f => new Fault(Duration(f.At), Enum.TryParse<FaultAction>(f.Action, ignoreCase: true, out var action) ? action : FaultAction.Restart,
            f.Target, f.For is null ? null : Duration(f.For)))
        .ToList();

    internal static LoadProfile BuildProfile(LoadSpec spec, IReadOnlyList<EndpointSpec> endpoints, SessionSpec? session) => new()
    {
        Session = session,
        VirtualUsers = spec.Users,
        Duration = DurationParser.TryParse(spec.Duration, out var d) ? d : TimeSpan.Zero,
        WarmUp = DurationParser.TryParse(spec.WarmUp, out var w) ? w : TimeSpan.Zero,
        RequestTimeout = DurationParser.TryParse(spec.Timeout, out var t) ? t : TimeSpan.FromSeconds(5),
        Endpoints = endpoints,
    };
}
