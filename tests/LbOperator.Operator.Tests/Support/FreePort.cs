using System.Net;
using System.Net.Sockets;

namespace LbOperator.Operator.Tests.Support;

/// <summary>A TCP port that was free a moment ago, for hosts that must be told their port up front.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
