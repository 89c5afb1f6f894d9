using System.Text;

namespace SysDesignLab.LoadTesting.Tests;

public sealed class JsonArrayCounterTests
{
    [Theory]
    [InlineData("[]", 0)]
    [InlineData("  [ 1 ]  ", 1)]
    [InlineData("""[1, "two", null, true, {"a": [1, 2, 3]}, [4, [5]]]""", 6)]
    [InlineData("""[{"id":1},{"id":2},{"id":3}]""", 3)]
    public void Counts_only_top_level_items(string json, int expected)
    {
        Assert.True(JsonArrayCounter.TryCount(Encoding.UTF8.GetBytes(json), out var count));
        Assert.Equal(expected, count);
    }

    [Theory]
    [InlineData("""{"items": [1, 2]}""")]
    [InlineData("42")]
    [InlineData("")]
    [InlineData("[1, 2")]
    [InlineData("[1, 2] [3]")]
    [InlineData("[1,]")]
    [InlineData("not json")]
    public void Anything_but_one_well_formed_array_is_rejected(string json)
    {
        Assert.False(JsonArrayCounter.TryCount(Encoding.UTF8.GetBytes(json), out _));
    }

    [Fact]
    public void Leading_byte_order_mark_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("[1,2]")).ToArray();

        Assert.True(JsonArrayCounter.TryCount(bytes, out var count));
        Assert.Equal(2, count);
    }
}
