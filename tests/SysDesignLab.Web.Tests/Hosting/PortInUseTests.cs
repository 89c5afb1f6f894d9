using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SysDesignLab.Web.Tests.Browser;

namespace SysDesignLab.Web.Tests.Hosting;

public sealed class PortInUseTests
{
    [Fact]
    public async Task Web_on_a_busy_port_says_which_process_holds_it_and_to_use_port()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        await using var lab = new SdlabProcess();

        var web = await lab.RunAsync("web", "--port", port);

        Assert.Equal(2, web.ExitCode);
        Assert.Contains($"Port {port}", web.Output, StringComparison.Ordinal);
        Assert.Contains($"process {Environment.ProcessId}", web.Output, StringComparison.Ordinal);
        Assert.Contains("--port", web.Output, StringComparison.Ordinal);
    }
}
