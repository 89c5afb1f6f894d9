using System.Globalization;
using System.Text;

namespace SysDesignLab.Web.Metrics;

/// <summary>
/// Parses the Prometheus text exposition format (version 0.0.4): `name{label="value",...} value [timestamp]`.
/// Comments, blank lines and lines it cannot read are skipped, so one odd series never hides the rest.
/// </summary>
public static class PrometheusText
{
    public static IReadOnlyList<MetricSample> Parse(string text)
    {
        var samples = new List<MetricSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (TryParseLine(line, out var sample))
            {
                samples.Add(sample);
            }
        }
        return samples;
    }

    private static bool TryParseLine(string line, out MetricSample sample)
    {
        sample = null!;
        var nameEnd = 0;
        while (nameEnd < line.Length && line[nameEnd] != '{' && !char.IsWhiteSpace(line[nameEnd]))
        {
            nameEnd++;
        }
        if (nameEnd == 0)
        {
            return false;
        }
        var name = line[..nameEnd];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = nameEnd;
        if (position < line.Length && line[position] == '{' && !TryParseLabels(line, ref position, labels))
        {
            return false;
        }
        // After the value an optional timestamp may follow; only the value matters here.
        var rest = line[position..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length == 0 || !TryParseValue(rest[0], out var value))
        {
            return false;
        }
        sample = new MetricSample(name, labels, value);
        return true;
    }

    private static bool TryParseLabels(string line, ref int position, Dictionary<string, string> labels)
    {
        position++; // '{'
        while (position < line.Length)
        {
            while (position < line.Length && (line[position] == ',' || line[position] == ' '))
            {
                position++;
            }
            if (position < line.Length && line[position] == '}')
            {
                position++;
                return true;
            }
            var equals = line.IndexOf('=', position);
            if (equals < 0 || equals + 1 >= line.Length || line[equals + 1] != '"')
            {
                return false;
            }
            var key = line[position..equals].Trim();
            position = equals + 2;
            var value = new StringBuilder();
            while (position < line.Length && line[position] != '"')
            {
                if (line[position] == '\\' && position + 1 < line.Length)
                {
                    position++;
                    value.Append(line[position] == 'n' ? '\n' : line[position]);
                }
                else
                {
                    value.Append(line[position]);
                }
                position++;
            }
            if (position >= line.Length)
            {
                return false;
            }
            position++; // closing quote
            labels[key] = value.ToString();
        }
        return false;
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
