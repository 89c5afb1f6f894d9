namespace SysDesignLab.LoadTesting;

/// <param name="Offset">Time since the start of the run at which the interval closes.</param>
/// <param name="WarmUp">The interval ending here belongs to the warm-up.</param>
/// <param name="IsLast">Closing this interval ends the run.</param>
internal readonly record struct SampleBoundary(TimeSpan Offset, bool WarmUp, bool IsLast);
