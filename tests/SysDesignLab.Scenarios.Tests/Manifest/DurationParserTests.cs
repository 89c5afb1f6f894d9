using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Manifest;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("20s", 20_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("0.5s", 500)]
    [InlineData("1h", 3_600_000)]
    public void Parses_durations_with_units(string text, double milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("twenty seconds")]
    [InlineData("20 s")]
    [InlineData("5sx")]
    public void Rejects_text_that_is_not_a_duration(string text) =>
        Assert.False(DurationParser.TryParse(text, out _));
}
