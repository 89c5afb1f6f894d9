using System.Net;
using System.Net.Sockets;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Tests.Processes;

public sealed class FreePortTests
{
    [Fact]
    public void A_found_port_is_free_and_a_listening_one_is_in_use()
    {
        var port = FreePort.Find();
        Assert.False(FreePort.IsInUse(port));
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Assert.True(FreePort.IsInUse(port));
    }
}
