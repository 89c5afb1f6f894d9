using System.Globalization;
using Microsoft.AspNetCore.Http;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Web.Hosting;

namespace SysDesignLab.Web.Tests.Hosting;

public sealed class AllowedHostsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Theory]
    [InlineData("127.0.0.1:5400", true)]
    [InlineData("LOCALHOST:5400", true)]
    [InlineData("[::1]:5400", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.0.0.1:5401", false)]
    [InlineData("localhost.evil.example:5400", false)]
    [InlineData("lab-5400.app.github.dev", true)]
    [InlineData("a.b.app.github.dev:443", true)]
    [InlineData("app.github.dev", false)]
    [InlineData("app.github.dev.evil.example", false)]
    [InlineData("evilapp.github.dev", false)]
    [InlineData("lab.example:8080", true)]
    [InlineData("lab.example:8081", false)]
    public void Loopback_names_on_the_labs_port_and_configured_hosts_are_allowed(string host, bool allowed)
    {
        var hosts = AllowedHosts.Create(5400, ["*.app.github.dev", "lab.example:8080"], NoEnvironment);

        Assert.Equal(allowed, hosts.Allows(new HostString(host)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5400", true)]
    [InlineData("http://localhost:5400", true)]
    [InlineData("http://[::1]:5400", true)]
    [InlineData("https://lab-5400.app.github.dev", true)]
    [InlineData("http://localhost:3000", false)]
    [InlineData("https://127.0.0.1:5400", false)]
    [InlineData("http://evil.example", false)]
    [InlineData("null", false)]
    [InlineData("file://", false)]
    public void Only_the_labs_own_pages_are_allowed_origins(string origin, bool allowed)
    {
        var hosts = AllowedHosts.Create(5400, ["*.app.github.dev"], NoEnvironment);

        Assert.Equal(allowed, hosts.AllowsOrigin(origin));
    }

    [Fact]
    public void Hosts_come_from_the_environment_variable_and_a_codespaces_forward_of_the_port()
    {
        var environment = new Dictionary<string, string>
        {
            [AllowedHosts.EnvironmentVariable] = " lab.example , *.tunnel.example",
            ["CODESPACES"] = "true",
            ["CODESPACE_NAME"] = "fluffy-robot",
            ["GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN"] = "app.github.dev",
        };

        var hosts = AllowedHosts.Create(5400, null, name => environment.GetValueOrDefault(name));

        Assert.Equal(["lab.example", "*.tunnel.example", "fluffy-robot-5400.app.github.dev"], hosts.Extra);
        Assert.True(hosts.Allows(new HostString("fluffy-robot-5400.app.github.dev")));
        Assert.False(hosts.Allows(new HostString("fluffy-robot-5401.app.github.dev")));
    }

    [Theory]
    [InlineData("http://lab.example")]
    [InlineData("lab.example/path")]
    [InlineData("*")]
    [InlineData("*.dev")]
    [InlineData("lab.example:http")]
    public void A_malformed_host_is_refused_with_what_a_host_looks_like(string entry)
    {
        var error = Assert.Throws<LabException>(() => AllowedHosts.Create(5400, [entry], NoEnvironment));

        Assert.Equal($"--allow-host: '{entry}' is not a host name. Give a name such as 'lab.example', 'lab.example:8080' or '*.app.github.dev' (no scheme, no path).", error.Message);
    }

    [Fact]
    public async Task Web_with_a_malformed_allow_host_says_so_in_one_line_and_exits()
    {
        await using var lab = new SdlabProcess();

        var web = await lab.RunAsync("web", "--port", FreePort.Find().ToString(CultureInfo.InvariantCulture), "--allow-host", "https://lab.example/");

        Assert.Equal(2, web.ExitCode);
        Assert.Contains("--allow-host: 'https://lab.example/' is not a host name", web.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", web.Output, StringComparison.Ordinal);
    }
}
