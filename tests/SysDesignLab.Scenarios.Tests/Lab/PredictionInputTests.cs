using SysDesignLab.LoadTesting;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Scenarios.Tests.Lab;

/// <summary>A prediction as the learner types it, read the same way by the CLI and the web lab.</summary>
public sealed class PredictionInputTests
{
    [Theory]
    [InlineData("95%", 0.95)]
    [InlineData("95", 0.95)]
    [InlineData(" 99.5 % ", 0.995)]
    [InlineData("0%", 0)]
    [InlineData("100%", 1)]
    public void Success_rates_are_read_as_percentages(string text, double rate) =>
        Assert.Equal(rate, PredictionInput.SuccessRate(text), 6);

    [Theory]
    [InlineData("150%", "not between 0% and 100%")]
    [InlineData("lots", "write it like 95%")]
    [InlineData("", "write it like 95%")]
    [InlineData(null, "write it like 95%")]
    public void A_success_rate_out_of_range_or_not_a_number_says_what_to_type(string? text, string message)
    {
        var error = Assert.Throws<InvalidPredictionException>(() => PredictionInput.SuccessRate(text));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("200ms", 200)]
    [InlineData("200 ms", 200)]
    [InlineData("2s", 2000)]
    [InlineData("1.5 S", 1500)]
    public void P95_is_read_with_its_unit(string text, double ms) =>
        Assert.Equal(ms, PredictionInput.P95Ms(text), 6);

    [Theory]
    [InlineData("200", "needs a number and a unit")]
    [InlineData("2 minutes", "needs a number and a unit")]
    [InlineData("0ms", "must be more than 0")]
    [InlineData("-5ms", "needs a number and a unit")]
    public void A_p95_without_a_unit_or_not_above_zero_is_refused(string text, string message) =>
        Assert.Contains(message, Assert.Throws<InvalidPredictionException>(() => PredictionInput.P95Ms(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void The_reason_is_required_and_kept_to_a_sentence()
    {
        Assert.Throws<InvalidPredictionException>(() => PredictionInput.Why("   "));
        Assert.Throws<InvalidPredictionException>(() => PredictionInput.Why(new string('x', PredictionInput.MaxWhyLength + 1)));
        Assert.Equal("one line", PredictionInput.Why(" one\nline "));
    }

    [Fact]
    public void The_comparison_says_when_every_request_timed_out_instead_of_a_p95()
    {
        var prediction = new Prediction(1, "01", DateTimeOffset.UnixEpoch, 0.95, 200, "small app");
        var timedOut = new RecordedFigures(400, 400, 0, 20, 0, 5000, 5000, 5000, 5010, new ErrorCounts(0, 400, 0, 0, 0, 0, 0));
        var served = new RecordedFigures(9000, 12, 0.9987, 450, 449.4, 20, 180, 300, 900, new ErrorCounts(0, 12, 0, 0, 0, 0, 0));

        Assert.Equal("You expected 95% success, p95 200 ms; measured 0.0% success, every request timed out at 5 s.",
            PredictionComparison.Describe(prediction, timedOut, TimeSpan.FromSeconds(5)));
        Assert.Equal("You expected 95% success, p95 200 ms; measured 99.9% success, p95 180 ms, 449.4 successful req/s, 12 failed requests.",
            PredictionComparison.Describe(prediction, served));
    }
}
