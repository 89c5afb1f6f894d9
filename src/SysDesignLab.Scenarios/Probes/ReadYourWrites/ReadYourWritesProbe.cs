using System.ComponentModel;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Probes.ReadYourWrites;

/// <summary>
/// "read-your-writes": while the load runs, a user of the check's own signs in through the app,
/// writes (e.g. posts), and reads straight back as that same user, again and again for a while after
/// each write (see <see cref="ReadYourWritesRun"/>). Every one of those reads must show the write:
/// an app that reads from a lagging replica, or stops sending the user to the primary too soon,
/// shows the user a page without what they just did.
/// </summary>
public sealed class ReadYourWritesProbe : ICheckProbe
{
    public string Name => "read-your-writes";
    public ProbePhase Phase => ProbePhase.DuringLoad;
    public Type? SettingsType => typeof(ReadYourWritesSettings);

    public void Validate(CriterionSpec c, ManifestCheck check, string at)
    {
        var settings = c.SettingsAs<ReadYourWritesSettings>();
        check.Require(settings.LoginPath, $"{at}.loginPath");
        check.Require(settings.Capture, $"{at}.capture");
        check.Require(settings.WritePath, $"{at}.writePath");
        check.Require(settings.ReadPath, $"{at}.readPath");
        check.RequireDuration(c.Every, $"{at}.every", allowZero: false);
        check.RequireDuration(settings.ReadFor, $"{at}.readFor", allowZero: false);
        if (settings.User < 1)
        {
            check.Fail($"{at}.user", "must be the number of a user the load does not sign in as (1 or more), e.g. one above the check's users.");
        }
        if (c.Fields.Count != 1)
        {
            check.Fail($"{at}.fields", "must name one field: the JSON field of the write's answer (e.g. \"id\") that each read must show.");
        }
        foreach (var (field, value) in new[] { ("loginPath", settings.LoginPath), ("writePath", settings.WritePath), ("readPath", settings.ReadPath) })
        {
            if (!value!.StartsWith('/'))
            {
                check.Fail($"{at}.{field}", $"is '{value}'; give the app path, starting with '/'.");
            }
        }
        if (DurationParser.TryParse(settings.ReadFor, out var readFor) && DurationParser.TryParse(c.Every, out var every) && readFor >= every)
        {
            check.Fail($"{at}.readFor", $"is {settings.ReadFor}, not shorter than every ({c.Every}): each round must finish reading before the next write.");
        }
    }

    public async Task<CriterionResult> RunAsync(CriterionSpec criterion, ProbeContext context, CancellationToken cancellationToken)
    {
        var run = new ReadYourWritesRun(criterion, criterion.SettingsAs<ReadYourWritesSettings>(), context.Http, context.AppUrl, context.Time);
        using var untilLoadEnds = CancellationTokenSource.CreateLinkedTokenSource(context.LoadEnded, cancellationToken);
        return await run.RunAsync(untilLoadEnds.Token);
    }
}

/// <summary>
/// The probe's own criterion fields. Templates take {user} (the probe's user number), {session}
/// (what the login captured) and, in the write's body, {marker} (a text unique to each write).
/// </summary>
public sealed class ReadYourWritesSettings
{
    /// <summary>The probe's user number, for {user}: one the load does not sign in as.</summary>
    [Description("The probe's user number, for {user} in loginBody: one the load does not sign in as.")]
    public int User { get; init; }
    [Description("The app path the probe signs in with (POST).")]
    public string? LoginPath { get; init; }
    [Description("The sign-in's JSON body; {user} is the probe's user number.")]
    public string? LoginBody { get; init; }
    /// <summary>The top-level JSON field of the login's answer that becomes {session}.</summary>
    [Description("The top-level JSON field of the sign-in's answer that becomes {session}.")]
    public string? Capture { get; init; }
    [Description("The app path the probe writes with (POST); its answer's top-level fields[0] is what each read must show.")]
    public string? WritePath { get; init; }
    [Description("The write's JSON body; {marker} is a text unique to each write.")]
    public string? WriteBody { get; init; }
    [Description("The app path the probe reads back as the same user (GET).")]
    public string? ReadPath { get; init; }
    /// <summary>The Authorization header of the write and the reads, e.g. "Bearer {session}".</summary>
    [Description("The Authorization header of the write and the reads, e.g. \"Bearer {session}\".")]
    public string? Authorization { get; init; }
    /// <summary>How long after each write the probe keeps reading it back.</summary>
    [Description("How long after each write (every `every`) the probe keeps reading it back, every 100 ms.")]
    public string? ReadFor { get; init; }
}
