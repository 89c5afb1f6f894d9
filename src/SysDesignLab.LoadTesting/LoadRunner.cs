namespace SysDesignLab.LoadTesting;

/// <summary>
/// HTTP load generator. Closed model: <see cref="LoadProfile.VirtualUsers"/> users each send one request,
/// wait for the complete response, record it and immediately send the next. Open model
/// (<see cref="LoadProfile.ArrivalRate"/> set): requests start at scheduled times and latency is counted from
/// those times (see <see cref="OpenModelResult"/>).
/// </summary>
/// <remarks>
/// Does not apply <see cref="LoopbackGuard"/>: callers decide whether a remote target is allowed.
/// </remarks>
public sealed class LoadRunner
{
    private readonly TimeProvider time;

    public LoadRunner(TimeProvider? timeProvider = null)
    {
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Runs the warm-up and then the measured duration. Requests completing during the warm-up are reported
    /// as samples with <see cref="LoadSample.WarmUp"/> set but are left out of the returned totals.
    /// </summary>
    /// <param name="baseAddress">Absolute http(s) address; endpoint paths are appended to it.</param>
    /// <param name="onSample">Called from the sampling timer (not per request) once per interval, normally one
    /// second, including warm-up intervals. Keep it quick; an exception from it stops the run and propagates.</param>
    /// <param name="cancellationToken">Stops the run promptly. The run does not throw
    /// <see cref="OperationCanceledException"/>: it returns the statistics gathered so far, with
    /// <see cref="LoadResult.Measured"/> covering only the measured time that actually elapsed.</param>
    /// <exception cref="ArgumentException">Invalid profile: no endpoints, a weight that is not positive, or a
    /// non-positive user count, duration or timeout. Thrown before the run starts.</exception>
    /// <exception cref="FormatException">An endpoint's path or body has an unknown or malformed placeholder.</exception>
    public Task<LoadResult> RunAsync(
        Uri baseAddress,
        LoadProfile profile,
        Action<LoadSample>? onSample = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(profile);
        Validate(baseAddress, profile);

        // Compile before starting anything, so a bad template fails fast instead of once per request.
        var endpoints = profile.Endpoints.Select((e, i) => new CompiledEndpoint(baseAddress, e, i)).ToArray();
        var login = profile.Session is { } session
            ? new SessionLogin(
                new CompiledEndpoint(baseAddress, session.Login with { Name = LoginName(session) }, endpoints.Length), session.Capture)
            : null;
        var run = new LoadRun(profile, endpoints, login, time, onSample);
        return run.ExecuteAsync(baseAddress, cancellationToken);
    }

    /// <summary>The login's row in the per-endpoint results.</summary>
    public static string LoginName(SessionSpec session) =>
        string.IsNullOrEmpty(session?.Login.Name) ? "login" : session.Login.Name;

    private static void Validate(Uri baseAddress, LoadProfile profile)
    {
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The base address '{baseAddress}' must be an absolute http or https URI.", nameof(baseAddress));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(profile.VirtualUsers, 1, $"{nameof(profile)}.{nameof(LoadProfile.VirtualUsers)}");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(profile.Duration, TimeSpan.Zero, $"{nameof(profile)}.{nameof(LoadProfile.Duration)}");
        ArgumentOutOfRangeException.ThrowIfLessThan(profile.WarmUp, TimeSpan.Zero, $"{nameof(profile)}.{nameof(LoadProfile.WarmUp)}");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(profile.RequestTimeout, TimeSpan.Zero, $"{nameof(profile)}.{nameof(LoadProfile.RequestTimeout)}");

        if (profile.ArrivalRate is { } rate && (!(rate > 0) || double.IsInfinity(rate)))
        {
            throw new ArgumentException($"The arrival rate is {rate}; it must be positive and finite.", nameof(profile));
        }

        if (profile.MaxInFlight is { } cap)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1, $"{nameof(profile)}.{nameof(LoadProfile.MaxInFlight)}");
        }

        if (profile.Endpoints is null || profile.Endpoints.Count == 0)
        {
            throw new ArgumentException("The profile needs at least one endpoint.", nameof(profile));
        }

        if (profile.Session is { } session)
        {
            if (profile.IsOpenModel)
            {
                throw new ArgumentException("A session (log in, then send the token) needs the closed model: drop the arrival rate.", nameof(profile));
            }

            if (string.IsNullOrWhiteSpace(session.Capture))
            {
                throw new ArgumentException("The session's capture (the login response's JSON property to keep) is empty.", nameof(profile));
            }
        }

        foreach (var endpoint in profile.Endpoints)
        {
            if (!(endpoint.Weight > 0) || double.IsInfinity(endpoint.Weight))
            {
                throw new ArgumentException(
                    $"Endpoint '{endpoint.Name}' has weight {endpoint.Weight}; weights must be positive and finite.", nameof(profile));
            }
        }
    }
}
