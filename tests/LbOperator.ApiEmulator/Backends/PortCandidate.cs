using System.Net;
using System.Net.Sockets;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// A TCP port that was free when asked, for a server that must be told its port on its command line
/// (etcd, kube-apiserver, the lb-operator executable). Another process may take the port before the
/// server binds it, so a candidate is only ever used through <see cref="RetryingStart"/>: the server then
/// fails to bind and says so, and the start is retried on fresh candidates. A server that binds in this
/// process binds port 0 and reads its port back instead.
/// </summary>
public static class PortCandidate
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
