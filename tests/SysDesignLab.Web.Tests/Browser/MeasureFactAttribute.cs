namespace SysDesignLab.Web.Tests.Browser;

/// <summary>A measurement, not a check: it takes minutes and wants a quiet machine, so it runs only when asked (SDLAB_MEASURE=1).</summary>
public sealed class MeasureFactAttribute : FactAttribute
{
    public MeasureFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SDLAB_MEASURE") != "1")
        {
            Skip = "a measurement: run with SDLAB_MEASURE=1 on a quiet machine";
        }
    }
}
