using System.Net;
using System.Net.Sockets;

namespace Arkoa.AppHost.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback port free right now, for servers that must be told their port on the command line.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
