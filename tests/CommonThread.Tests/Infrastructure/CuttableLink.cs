using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CommonThread.Tests.Infrastructure;

/// <summary>
/// A TCP relay between the app and its database server that a spec can cut, as a network failure or a
/// server restart would: open connections drop and new ones are refused. Other apps on the same server
/// are not touched.
/// </summary>
public sealed class CuttableLink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint server;
    private readonly ConcurrentBag<TcpClient> open = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public CuttableLink(string host, int port)
    {
        server = new IPEndPoint(IPAddress.Parse(host), port);
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Drops every connection and refuses new ones.</summary>
    public async Task CutAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        foreach (var client in open)
        {
            client.Dispose();
        }

        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was stopped under it.
        }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var inbound = await listener.AcceptTcpClientAsync(stop.Token);
            var outbound = new TcpClient();
            await outbound.ConnectAsync(server, stop.Token);
            open.Add(inbound);
            open.Add(outbound);
            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stop.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // One side closed or the link was cut.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await CutAsync();
        }

        stop.Dispose();
    }
}
