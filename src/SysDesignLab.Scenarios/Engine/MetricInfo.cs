using System.Globalization;

namespace SysDesignLab.Scenarios.Engine;

/// <summary>How a metric's value is written for a learner.</summary>
public enum MetricFormat
{
    /// <summary>A plain number ("0.###").</summary>
    Number,
    /// <summary>A share shown as a percentage (0.995 → "99.5%").</summary>
    Percent,
    /// <summary>Milliseconds ("12.5 ms", "1,234 ms").</summary>
    Milliseconds,
    /// <summary>Requests per second ("350.0 req/s").</summary>
    PerSecond,
    /// <summary>A ratio ("12×").</summary>
    Ratio,
    /// <summary>A whole count followed by the unit ("69,148 rows").</summary>
    Count,
    /// <summary>A small count with decimals followed by the unit ("0.25 scans").</summary>
    Fraction,
    /// <summary>A tiny count with three decimals followed by the unit ("0.004 connections").</summary>
    FineFraction,
    /// <summary>Bytes, written in KiB/MiB.</summary>
    Bytes,
}

/// <summary>One metric a criterion may compare: its name, unit, how it is written, and whether it is measured per endpoint.</summary>
public sealed record MetricInfo(string Name, string Description, MetricFormat Format, string Unit = "", bool PerEndpoint = false)
{
    public string Write(double value) => Format switch
    {
        MetricFormat.Percent => (value * 100).ToString(value >= 0.999 && value < 1 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "%",
        MetricFormat.PerSecond => value.ToString("0.0", CultureInfo.InvariantCulture) + " req/s",
        MetricFormat.Ratio => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + "×",
        MetricFormat.Milliseconds => value.ToString(value < 10 ? "0.0" : "#,0", CultureInfo.InvariantCulture) + " ms",
        MetricFormat.Count => value.ToString("#,0", CultureInfo.InvariantCulture) + Suffix,
        MetricFormat.Fraction => value.ToString("0.00", CultureInfo.InvariantCulture) + Suffix,
        MetricFormat.FineFraction => value.ToString("0.000", CultureInfo.InvariantCulture) + Suffix,
        MetricFormat.Bytes => value >= 1 << 20
            ? (value / (1 << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB"
            : (value / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => value.ToString("0.###", CultureInfo.InvariantCulture) + Suffix,
    };

    private string Suffix => Unit.Length == 0 ? "" : " " + Unit;
}
