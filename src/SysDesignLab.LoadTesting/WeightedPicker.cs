namespace SysDesignLab.LoadTesting;

/// <summary>Picks an index with probability proportional to its weight (cumulative weights + binary search).</summary>
internal sealed class WeightedPicker
{
    private readonly double[] cumulative;
    private readonly double total;

    public WeightedPicker(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one weight is required.", nameof(weights));
        }

        cumulative = new double[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var weight = weights[i];
            if (!(weight > 0) || double.IsInfinity(weight))
            {
                throw new ArgumentException($"Weight #{i} is {weight}; weights must be positive and finite.", nameof(weights));
            }

            total += weight;
            cumulative[i] = total;
        }
    }

    public int Count => cumulative.Length;

    public int Pick(Random random)
    {
        if (cumulative.Length == 1)
        {
            return 0;
        }

        var point = random.NextDouble() * total;
        var index = Array.BinarySearch(cumulative, point);
        // An exact hit on a boundary belongs to the next slot: slot i covers [cumulative[i-1], cumulative[i]).
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }
}
