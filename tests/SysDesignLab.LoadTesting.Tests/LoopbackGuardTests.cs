namespace SysDesignLab.LoadTesting.Tests;

public sealed class LoopbackGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://127.200.3.4/")]
    [InlineData("http://[::1]:8080/api")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("https://LOCALHOST/")]
    public void Loopback_targets_are_recognised(string target)
    {
        Assert.True(LoopbackGuard.IsLoopback(new Uri(target)));
    }

    [Theory]
    [InlineData("http://128.0.0.1/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://[::2]/")]
    [InlineData("http://example.com/")]
    [InlineData("http://localhost.example.com/")]
    [InlineData("http://mylocalhost/")]
    public void Other_targets_are_not_loopback(string target)
    {
        Assert.False(LoopbackGuard.IsLoopback(new Uri(target)));
    }

    [Fact]
    public void Remote_target_without_opt_in_throws_one_sentence_naming_the_flag()
    {
        var error = Assert.Throws<LoadTargetException>(
            () => LoopbackGuard.EnsureAllowed(new Uri("http://example.com/"), allowRemote: false));

        Assert.Contains("--allow-remote", error.Message, StringComparison.Ordinal);
        Assert.Contains("example.com", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Message.Count(c => c == '.') - "example.com".Count(c => c == '.'));
    }

    [Fact]
    public void Remote_target_with_opt_in_and_loopback_target_without_it_are_allowed()
    {
        LoopbackGuard.EnsureAllowed(new Uri("http://example.com/"), allowRemote: true);
        LoopbackGuard.EnsureAllowed(new Uri("http://127.0.0.1:1/"), allowRemote: false);
    }
}
