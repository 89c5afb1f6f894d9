using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// What a measured run saw beyond its figures, for wording a failure: how the requests failed, which
/// processes stopped, and the profile that asked (timeout, users, what each endpoint expects).
/// </summary>
/// <param name="ScenarioId">The scenario's folder name, e.g. 01-single-server.</param>
public sealed record RunEvidence(LoadResult Load, IReadOnlyList<AppCrash> Crashes, LoadProfile Profile, string ScenarioId)
{
    /// <summary>The number a learner types: "01" of 01-single-server.</summary>
    public string ShortId => ScenarioId.Length >= 2 ? ScenarioId[..2] : ScenarioId;

    /// <summary>The endpoint's requests and failures when the criterion names one the run measured, else the run's.</summary>
    public (long Requests, ErrorCounts Errors) Requests(string? endpoint) =>
        endpoint is not null && Load.Endpoints.FirstOrDefault(e => e.Name == endpoint) is { } own
            ? (own.Requests, own.Errors)
            : (Load.Requests, Load.Errors);

    /// <summary>The profile's endpoint (or login) of that name; null when the profile has none.</summary>
    public EndpointSpec? Endpoint(string name) =>
        Profile.Endpoints.FirstOrDefault(e => e.Name == name)
        ?? (Profile.Session is { } session && LoadRunner.LoginName(session) == name ? session.Login : null);

    /// <summary>
    /// The endpoint that failed most by this kind: the criterion's own when it names one, else the
    /// endpoint with the most such failures, else the first.
    /// </summary>
    public EndpointSpec? Culprit(string? endpoint, Func<ErrorCounts, long> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        if (endpoint is not null && Endpoint(endpoint) is { } own)
        {
            return own;
        }
        var worst = Load.Endpoints.Where(e => count(e.Errors) > 0).MaxBy(e => count(e.Errors));
        return (worst is null ? null : Endpoint(worst.Name)) ?? Profile.Endpoints.FirstOrDefault();
    }
}
