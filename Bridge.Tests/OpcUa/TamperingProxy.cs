using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Bridge.Tests.OpcUa;

/// <summary>
/// A TCP proxy in front of the test server that forwards UA-TCP chunks unchanged, except that after
/// <see cref="TamperNextMessage"/> it flips one bit in the next MSG chunk from the server (its last byte: signature
/// or ciphertext) — what an attacker or a broken link on the way would do.
/// </summary>
internal sealed class TamperingProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Uri upstream;
    private readonly CancellationTokenSource stop = new();
    private readonly List<TcpClient> sockets = [];
    private readonly TaskCompletionSource tampered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int tamperArmed;

    public TamperingProxy(string upstreamUrl)
    {
        upstream = new Uri(upstreamUrl);
        listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"opc.tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";

    /// <summary>Completes once a chunk was altered.</summary>
    public Task Tampered => tampered.Task;

    public void TamperNextMessage() => Interlocked.Exchange(ref tamperArmed, 1);

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(upstream.Host, upstream.Port, stop.Token);
                lock (sockets)
                {
                    sockets.Add(client);
                    sockets.Add(server);
                }
                _ = PumpAsync(client.GetStream(), server.GetStream(), tamper: false);
                _ = PumpAsync(server.GetStream(), client.GetStream(), tamper: true);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool tamper)
    {
        var header = new byte[8];
        try
        {
            while (true)
            {
                await from.ReadExactlyAsync(header, stop.Token);
                var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
                var chunk = new byte[size];
                header.CopyTo(chunk, 0);
                await from.ReadExactlyAsync(chunk.AsMemory(8), stop.Token);
                if (tamper && chunk.AsSpan(0, 3).SequenceEqual("MSG"u8) && Interlocked.Exchange(ref tamperArmed, 0) == 1)
                {
                    chunk[^1] ^= 0x01;
                    tampered.TrySetResult();
                }
                await to.WriteAsync(chunk, stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or EndOfStreamException or ObjectDisposedException)
        {
            from.Close();
            to.Close();
        }
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        lock (sockets)
        {
            sockets.ForEach(s => s.Dispose());
        }
        return ValueTask.CompletedTask;
    }
}
