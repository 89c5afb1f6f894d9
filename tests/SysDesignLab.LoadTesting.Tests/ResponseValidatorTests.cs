using System.Text;

namespace SysDesignLab.LoadTesting.Tests;

public sealed class ResponseValidatorTests
{
    [Fact]
    public void Body_is_only_needed_for_body_expectations()
    {
        Assert.False(new ResponseValidator(new ResponseExpectation { Status = 200 }).NeedsBody);
        Assert.True(new ResponseValidator(new ResponseExpectation { JsonArrayLength = 2 }).NeedsBody);
        Assert.True(new ResponseValidator(new ResponseExpectation { BodyContains = "ok" }).NeedsBody);
    }

    [Fact]
    public void Array_length_must_match_exactly()
    {
        var validator = new ResponseValidator(new ResponseExpectation { JsonArrayLength = 2 });

        Assert.True(validator.CheckBody("[1,2]"u8));
        Assert.False(validator.CheckBody("[1,2,3]"u8));
        Assert.False(validator.CheckBody("""{"0":1,"1":2}"""u8));
    }

    [Fact]
    public void Body_must_contain_the_text_including_non_ascii()
    {
        var validator = new ResponseValidator(new ResponseExpectation { BodyContains = "café" });

        Assert.True(validator.CheckBody(Encoding.UTF8.GetBytes("""{"name":"café au lait"}""")));
        Assert.False(validator.CheckBody("""{"name":"cafe"}"""u8));
    }

    [Fact]
    public void Both_body_expectations_must_hold()
    {
        var validator = new ResponseValidator(new ResponseExpectation { JsonArrayLength = 1, BodyContains = "x" });

        Assert.True(validator.CheckBody("""["x"]"""u8));
        Assert.False(validator.CheckBody("""["y"]"""u8));
        Assert.False(validator.CheckBody("""["x","x"]"""u8));
    }
}
