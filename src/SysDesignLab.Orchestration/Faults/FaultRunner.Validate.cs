namespace SysDesignLab.Orchestration.Faults;

public static partial class FaultRunner
{
    /// <summary>
    /// What is wrong with a schedule, one readable sentence per problem (none when it can run):
    /// unknown targets (naming the known ones), a pause without <c>for</c>, <c>for</c> on anything
    /// but a pause, faults outside the run, overlapping pauses of one target. A restart of a target
    /// that is never killed is fine: it stops and starts it.
    /// </summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<Fault> faults, IReadOnlyCollection<string> targets, TimeSpan runLength)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(targets);
        var problems = new List<string>();
        var known = targets.Count == 0 ? "this lab has none" : "the targets are " + string.Join(", ", targets);
        var run = FaultEvent.Seconds(runLength);
        for (var i = 0; i < faults.Count; i++)
        {
            var fault = faults[i];
            var label = $"Fault {i + 1} ({fault.Action.ToString().ToLowerInvariant()} {fault.Target} at {FaultEvent.Seconds(fault.At)})";
            if (!targets.Contains(fault.Target, StringComparer.Ordinal))
            {
                problems.Add($"{label}: there is no target '{fault.Target}'; {known}.");
            }
            if (fault.At < TimeSpan.Zero)
            {
                problems.Add($"{label}: `at` cannot be negative; it counts from the start of the run.");
            }
            else if (fault.At >= runLength)
            {
                problems.Add($"{label} would never happen: the run lasts {run}.");
            }
            problems.AddRange(fault.Action switch
            {
                FaultAction.Pause when fault.For is null =>
                    [$"{label}: a pause needs `for`, how long {fault.Target} stays stopped (\"for\": \"5s\", say)."],
                FaultAction.Pause when fault.For <= TimeSpan.Zero =>
                    [$"{label}: `for` must be longer than 0 s."],
                FaultAction.Pause => OverlappingPause(faults, i, label),
                FaultAction.Kill when fault.For is not null =>
                    [$"{label}: `for` applies to a pause only; a killed target stays down until a restart brings it back."],
                FaultAction.Restart when fault.For is not null =>
                    [$"{label}: `for` applies to a pause only; a restart is over once the target is healthy again."],
                FaultAction.Resume =>
                    [$"{label}: resume is not an action of its own; a pause ends by itself after its `for`."],
                _ => [],
            });
        }
        return problems;
    }

    private static IEnumerable<string> OverlappingPause(IReadOnlyList<Fault> faults, int index, string label)
    {
        var fault = faults[index];
        // The list need not be in time order: any pause that started earlier (or at the same time,
        // listed first) and still lasts.
        for (var i = 0; i < faults.Count; i++)
        {
            var earlier = faults[i];
            if (i != index && earlier is { Action: FaultAction.Pause, For: { } length } && earlier.Target == fault.Target &&
                (earlier.At < fault.At || (earlier.At == fault.At && i < index)) && fault.At < earlier.At + length)
            {
                yield return $"{label}: {fault.Target} is still paused then, by fault {i + 1} " +
                    $"(until {FaultEvent.Seconds(earlier.At + length)}); a pause cannot start inside another.";
            }
        }
    }
}
