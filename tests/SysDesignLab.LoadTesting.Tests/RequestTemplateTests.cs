namespace SysDesignLab.LoadTesting.Tests;

public sealed class RequestTemplateTests
{
    [Fact]
    public void Int_placeholder_is_uniform_over_the_inclusive_range()
    {
        var template = RequestTemplate.Parse("/items/{int:1:3}");
        var random = new Random(1);

        var counts = new Dictionary<string, int>();
        for (var i = 0; i < 3000; i++)
        {
            var rendered = template.Render(random);
            counts[rendered] = counts.GetValueOrDefault(rendered) + 1;
        }

        Assert.Equal(["/items/1", "/items/2", "/items/3"], counts.Keys.Order());
        Assert.All(counts.Values, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void Int_placeholder_accepts_negative_and_equal_bounds()
    {
        var random = new Random(3);

        Assert.Equal("x=-5", RequestTemplate.Parse("x={int:-5:-5}").Render(random));
        Assert.All(
            Enumerable.Range(0, 200).Select(_ => long.Parse(RequestTemplate.Parse("{int:-2:2}").Render(random))),
            value => Assert.InRange(value, -2, 2));
    }

    [Fact]
    public void Choice_placeholder_only_yields_listed_options_and_all_of_them()
    {
        var template = RequestTemplate.Parse("/search?q={choice:red|green|blue}");
        var random = new Random(7);

        var seen = Enumerable.Range(0, 300).Select(_ => template.Render(random)).ToHashSet();

        Assert.Equal(
            ["/search?q=blue", "/search?q=green", "/search?q=red"],
            seen.Order());
    }

    [Fact]
    public void Guid_placeholder_renders_a_version_4_guid()
    {
        var rendered = RequestTemplate.Parse("{guid}").Render(new Random(11));

        var guid = Guid.ParseExact(rendered, "D");
        Assert.Equal(4, guid.Version);
        Assert.Equal('4', rendered[14]);
    }

    [Fact]
    public void Same_seed_renders_the_same_sequence_and_another_seed_does_not()
    {
        var template = RequestTemplate.Parse("/u/{int:1:1000000}/{choice:a|b|c}/{guid}");

        static List<string> Sequence(RequestTemplate t, int seed)
        {
            var random = new Random(seed);
            return [.. Enumerable.Range(0, 20).Select(_ => t.Render(random))];
        }

        Assert.Equal(Sequence(template, 42), Sequence(template, 42));
        Assert.NotEqual(Sequence(template, 42), Sequence(template, 43));
    }

    [Fact]
    public void Json_braces_are_literal_and_placeholders_inside_a_body_are_filled()
    {
        var template = RequestTemplate.Parse("""{"id": {int:7:7}, "tags": {}, "name": "{choice:x}"}""");

        Assert.Equal("""{"id": 7, "tags": {}, "name": "x"}""", template.Render(new Random(0)));
        Assert.False(template.IsConstant);
    }

    [Fact]
    public void Template_without_placeholders_is_constant_and_renders_unchanged()
    {
        var template = RequestTemplate.Parse("/health?full=true");

        Assert.True(template.IsConstant);
        Assert.Equal("/health?full=true", template.Render(new Random(0)));
    }

    [Theory]
    [InlineData("/items/{id}", "{id}")]
    [InlineData("/items/{uuid}", "{uuid}")]
    [InlineData("/x/{Guid}", "{Guid}")]
    [InlineData("/x/{int}", "{int}")]
    [InlineData("/x/{guid:1}", "{guid:1}")]
    public void Unknown_placeholder_throws_FormatException_naming_it(string text, string placeholder)
    {
        var error = Assert.Throws<FormatException>(() => RequestTemplate.Parse(text));

        Assert.Contains(placeholder, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/x/{int:5:1}")]
    [InlineData("/x/{int:a:9}")]
    [InlineData("/x/{int:1}")]
    [InlineData("/x/{int:1:2:3}")]
    public void Malformed_int_placeholder_throws_FormatException_naming_it(string text)
    {
        var error = Assert.Throws<FormatException>(() => RequestTemplate.Parse(text));

        Assert.Contains(text[3..], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_placeholder_throws_FormatException()
    {
        var error = Assert.Throws<FormatException>(() => RequestTemplate.Parse("/x/{int:1:2"));

        Assert.Contains("{int:1:2", error.Message, StringComparison.Ordinal);
    }
}
