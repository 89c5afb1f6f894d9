namespace SysDesignLab.LoadTesting.Tests;

public sealed class ErrorCountsTests
{
    [Fact]
    public void Total_adds_every_kind()
    {
        var counts = new ErrorCounts(Connect: 1, Timeout: 2, Reset: 4, ServerError: 8, ClientError: 16, WrongBody: 32, Other: 64);

        Assert.Equal(127, counts.Total);
    }

    [Fact]
    public void None_is_all_zero()
    {
        Assert.Equal(new ErrorCounts(0, 0, 0, 0, 0, 0, 0), ErrorCounts.None);
        Assert.Equal(0, ErrorCounts.None.Total);
    }

    [Fact]
    public void Adding_counts_adds_each_kind_separately()
    {
        var left = new ErrorCounts(1, 2, 3, 4, 5, 6, 7);
        var right = new ErrorCounts(10, 20, 30, 40, 50, 60, 70);

        Assert.Equal(new ErrorCounts(11, 22, 33, 44, 55, 66, 77), left + right);
        Assert.Equal(left, left + ErrorCounts.None);
    }
}
