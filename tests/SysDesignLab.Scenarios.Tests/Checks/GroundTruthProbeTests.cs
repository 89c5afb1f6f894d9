using SysDesignLab.Scenarios.Checks;

namespace SysDesignLab.Scenarios.Tests.Checks;

public sealed class GroundTruthProbeTests
{
    private static readonly List<Dictionary<string, string?>> Expected =
    [
        new() { ["id"] = "3", ["author"] = "user0003" },
        new() { ["id"] = "2", ["author"] = "user0002" },
    ];

    [Fact]
    public void Matching_rows_pass_whatever_the_field_name_casing()
    {
        var body = """[{"Id":3,"author":"user0003","body":"x"},{"id":2,"Author":"user0002"}]""";
        Assert.Null(GroundTruthProbe.Compare(Expected, body, ["id", "author"]));
    }

    [Fact]
    public void Wrong_order_is_reported_with_the_item_and_field()
    {
        var body = """[{"id":2,"author":"user0002"},{"id":3,"author":"user0003"}]""";
        var mismatch = GroundTruthProbe.Compare(Expected, body, ["id", "author"]);
        Assert.Equal("item 1 has id = 2, the database says 3", mismatch);
    }

    [Theory]
    [InlineData("""[{"id":3,"author":"user0003"}]""", "expected 2 items, got 1")]
    [InlineData("""{"items":[]}""", "expected a JSON array, got object")]
    [InlineData("<html>", "the body is not JSON")]
    [InlineData("""[{"id":3},{"id":2}]""", "item 1 has author = (missing), the database says user0003")]
    public void Wrong_shapes_are_explained(string body, string expectedMessage) =>
        Assert.Equal(expectedMessage, GroundTruthProbe.Compare(Expected, body, ["id", "author"]));

    [Fact]
    public void A_single_object_answers_a_single_row()
    {
        List<Dictionary<string, string?>> one = [new() { ["id"] = "42", ["author"] = "user0042" }];
        Assert.Null(GroundTruthProbe.Compare(one, """{"id":42,"author":"user0042"}""", ["id", "author"]));
        Assert.Equal("item 1 has author = user0001, the database says user0042",
            GroundTruthProbe.Compare(one, """{"id":42,"author":"user0001"}""", ["id", "author"]));
    }
}
