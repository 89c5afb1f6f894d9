namespace SysDesignLab.LoadTesting;

/// <summary>
/// Statistics of one sampling interval (normally one second) of a run.
/// </summary>
/// <param name="Second">1-based index of the interval since the run started; warm-up intervals come first.</param>
/// <param name="WarmUp">True when the interval belongs to the warm-up, which the run's totals exclude.</param>
/// <param name="Rps">Requests completed in the interval divided by its measured length.</param>
public sealed record LoadSample(
    int Second,
    bool WarmUp,
    long Requests,
    long Succeeded,
    double Rps,
    double SuccessRate,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    ErrorCounts Errors);
