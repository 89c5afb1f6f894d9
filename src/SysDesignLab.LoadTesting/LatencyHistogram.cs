using HdrHistogram;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// Latencies in microseconds, 1 µs to 60 s at 3 significant digits. Not thread-safe: each instance has
/// one writer at a time (see <see cref="RecorderCell"/>). Max and mean are tracked exactly beside the
/// histogram because HdrHistogram only knows them to bucket precision.
/// </summary>
internal sealed class LatencyHistogram
{
    public const long LowestMicros = 1;
    public const long HighestMicros = 60_000_000;
    public const int SignificantDigits = 3;

    private readonly LongHistogram histogram = new(LowestMicros, HighestMicros, SignificantDigits);
    private long sumMicros;
    private long maxMicros;

    public long Count => histogram.TotalCount;

    public void Record(long micros)
    {
        // Out-of-range values would throw inside HdrHistogram; clamping keeps a 90 s timeout visible as "60 s+".
        var value = Math.Clamp(micros, 0, HighestMicros);
        histogram.RecordValue(value);
        sumMicros += value;
        if (value > maxMicros)
        {
            maxMicros = value;
        }
    }

    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return;
        }

        histogram.Add(other.histogram);
        sumMicros += other.sumMicros;
        maxMicros = Math.Max(maxMicros, other.maxMicros);
    }

    public void Reset()
    {
        if (Count == 0)
        {
            return;
        }

        histogram.Reset();
        sumMicros = 0;
        maxMicros = 0;
    }

    /// <param name="percentile">0–100.</param>
    public double PercentileMs(double percentile) =>
        Count == 0 ? 0 : ToMs(histogram.GetValueAtPercentile(percentile));

    public LatencySummary ToSummary() => Count == 0
        ? LatencySummary.Zero
        : new LatencySummary(
            PercentileMs(50),
            PercentileMs(95),
            PercentileMs(99),
            // The percentile reports the top of its bucket, which can exceed the true max by < 0.1%.
            ToMs(maxMicros),
            sumMicros / 1000.0 / Count);

    /// <summary>HdrHistogram's compressed V2 encoding in base64 (µs values); see <see cref="HistogramCodec"/>.</summary>
    public string Encode() => HistogramCodec.Encode(histogram);

    private static double ToMs(long micros) => micros / 1000.0;
}
