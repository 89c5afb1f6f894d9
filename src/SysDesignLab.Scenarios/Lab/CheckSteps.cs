namespace SysDesignLab.Scenarios.Lab;

/// <summary>
/// Turns a check's progress lines into timed steps: building, measuring the naive app (only on the
/// first check), measuring the app. The check runner words its phases; this reads them, so a line it
/// does not recognise is passed on as it is and only the estimate is lost.
/// </summary>
internal sealed class CheckSteps(StepClock clock, IProgress<string>? lines) : IProgress<string>
{
    public const string BaselineStep = "Measuring the naive app once";
    public const string BaselineNote = "only the first check; the baseline your app is compared with";

    public void Report(string value)
    {
        if ((value.Contains("naive baseline", StringComparison.Ordinal) && !value.StartsWith("Naive baseline", StringComparison.Ordinal))
            || value.Contains("to measure the baseline", StringComparison.Ordinal))
        {
            if (clock.Current != LabStep.Baseline)
            {
                clock.Begin(LabStep.Baseline, BaselineStep, BaselineNote);
            }
            return;
        }
        if (value.StartsWith("Building", StringComparison.Ordinal) && clock.Current == LabStep.Build)
        {
            return; // announced already, with its estimate
        }
        if (value.StartsWith("Measuring ", StringComparison.Ordinal))
        {
            clock.Begin(LabStep.Measure, value.TrimEnd('…', '.'));
            return;
        }
        lines?.Report(value);
    }
}
