namespace SysDesignLab.LoadTesting.Tests;

public sealed class WeightedPickerTests
{
    [Fact]
    public void Picks_in_proportion_to_weight()
    {
        var picker = new WeightedPicker([1, 3, 6]);
        var random = new Random(5);
        var counts = new int[3];

        for (var i = 0; i < 100_000; i++)
        {
            counts[picker.Pick(random)]++;
        }

        Assert.InRange(counts[0], 9_000, 11_000);
        Assert.InRange(counts[1], 28_500, 31_500);
        Assert.InRange(counts[2], 58_500, 61_500);
    }

    [Fact]
    public void Single_weight_always_picks_it()
    {
        var picker = new WeightedPicker([0.25]);
        var random = new Random(1);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(0, picker.Pick(random)));
    }

    [Fact]
    public void Same_seed_gives_the_same_choices()
    {
        var picker = new WeightedPicker([1, 1, 1, 1]);
        var first = new Random(9);
        var second = new Random(9);

        Assert.Equal(
            Enumerable.Range(0, 50).Select(_ => picker.Pick(first)).ToArray(),
            Enumerable.Range(0, 50).Select(_ => picker.Pick(second)).ToArray());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Weight_that_is_not_positive_and_finite_is_rejected(double weight)
    {
        Assert.Throws<ArgumentException>(() => new WeightedPicker([1, weight]));
    }

    [Fact]
    public void Empty_weights_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new WeightedPicker([]));
    }

    [Fact]
    public async Task Runner_rejects_an_endpoint_with_zero_weight_naming_it()
    {
        var profile = new LoadProfile
        {
            VirtualUsers = 1,
            Duration = TimeSpan.FromSeconds(1),
            Endpoints =
            [
                new EndpointSpec { Name = "list", Path = "/items" },
                new EndpointSpec { Name = "search", Path = "/search", Weight = 0 },
            ],
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => new LoadRunner().RunAsync(new Uri("http://127.0.0.1:1"), profile));

        Assert.Contains("search", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_rejects_an_empty_endpoint_list()
    {
        var profile = new LoadProfile { VirtualUsers = 1, Duration = TimeSpan.FromSeconds(1), Endpoints = [] };

        await Assert.ThrowsAsync<ArgumentException>(
            () => new LoadRunner().RunAsync(new Uri("http://127.0.0.1:1"), profile));
    }
}
