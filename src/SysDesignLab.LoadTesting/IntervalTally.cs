namespace SysDesignLab.LoadTesting;

/// <summary>Counts by outcome plus latencies for one interval (or, when summed, a whole phase).</summary>
internal sealed class IntervalTally
{
    private static readonly int OutcomeCount = Enum.GetValues<RequestOutcome>().Length;

    private readonly long[] outcomes = new long[OutcomeCount];

    /// <summary>One tally per endpoint when a run has several (null otherwise: the totals are the endpoint's).</summary>
    private readonly IntervalTally[]? byEndpoint;

    public IntervalTally(int endpointCount = 1)
    {
        if (endpointCount > 1)
        {
            byEndpoint = new IntervalTally[endpointCount];
            for (var i = 0; i < endpointCount; i++)
            {
                byEndpoint[i] = new IntervalTally();
            }
        }
    }

    /// <summary>Closed model: time from send to full response. Open model: from the intended send time.</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>Open model only: from the actual send. Allocated on first use, so closed runs don't pay for it.</summary>
    public LatencyHistogram? Uncorrected { get; private set; }

    /// <summary>Open model: requests sent more than a millisecond after their intended time.</summary>
    public long LateStarts { get; private set; }

    public long Requests { get; private set; }

    public long Succeeded => outcomes[(int)RequestOutcome.Success];

    public double SuccessRate => Requests == 0 ? 0 : (double)Succeeded / Requests;

    public ErrorCounts Errors => new(
        outcomes[(int)RequestOutcome.Connect],
        outcomes[(int)RequestOutcome.Timeout],
        outcomes[(int)RequestOutcome.Reset],
        outcomes[(int)RequestOutcome.ServerError],
        outcomes[(int)RequestOutcome.ClientError],
        outcomes[(int)RequestOutcome.WrongBody],
        outcomes[(int)RequestOutcome.Other]);

    /// <summary>The tally of one endpoint: this one when the run has a single endpoint.</summary>
    public IntervalTally ForEndpoint(int endpoint) => byEndpoint is null ? this : byEndpoint[endpoint];

    public void Record(RequestOutcome outcome, long micros, int endpoint = 0)
    {
        Count(outcome, micros);
        byEndpoint?[endpoint].Count(outcome, micros);
    }

    public void Record(RequestOutcome outcome, long correctedMicros, long uncorrectedMicros, bool late, int endpoint = 0)
    {
        RecordOpen(outcome, correctedMicros, uncorrectedMicros, late);
        byEndpoint?[endpoint].RecordOpen(outcome, correctedMicros, uncorrectedMicros, late);
    }

    private void Count(RequestOutcome outcome, long micros)
    {
        outcomes[(int)outcome]++;
        Requests++;
        Latency.Record(micros);
    }

    private void RecordOpen(RequestOutcome outcome, long correctedMicros, long uncorrectedMicros, bool late)
    {
        Count(outcome, correctedMicros);
        (Uncorrected ??= new LatencyHistogram()).Record(uncorrectedMicros);
        if (late)
        {
            LateStarts++;
        }
    }

    public void Add(IntervalTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Requests == 0)
        {
            return;
        }

        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] += other.outcomes[i];
        }

        Requests += other.Requests;
        LateStarts += other.LateStarts;
        Latency.Add(other.Latency);
        if (other.Uncorrected is { } uncorrected)
        {
            (Uncorrected ??= new LatencyHistogram()).Add(uncorrected);
        }

        if (byEndpoint is not null && other.byEndpoint is not null)
        {
            for (var i = 0; i < byEndpoint.Length; i++)
            {
                byEndpoint[i].Add(other.byEndpoint[i]);
            }
        }
    }

    public void Reset()
    {
        if (Requests == 0)
        {
            return;
        }

        Array.Clear(outcomes);
        Requests = 0;
        LateStarts = 0;
        Latency.Reset();
        Uncorrected?.Reset();
        if (byEndpoint is not null)
        {
            foreach (var endpoint in byEndpoint)
            {
                endpoint.Reset();
            }
        }
    }
}
