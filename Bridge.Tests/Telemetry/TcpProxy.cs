using System.Net;
using System.Net.Sockets;

namespace Bridge.Tests.Telemetry;

/// <summary>
/// A loopback TCP proxy the test controls: <see cref="Cut"/> closes every connection and refuses new ones until
/// <see cref="Restore"/>, so "the broker went away" happens exactly when the test says. <see cref="Freeze"/> keeps
/// every connection open but forwards nothing more either way (a broker gone silent, a half-open socket) until
/// <see cref="Thaw"/>.
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _cut;
    private volatile TaskCompletionSource _flowing = Flowing();

    public TcpProxy(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host == "localhost" ? "127.0.0.1" : host), port);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (var client in _open)
                client.Dispose();
            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    public void Freeze() => _flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Thaw() => _flowing.TrySetResult();

    private static TaskCompletionSource Flowing()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            if (_cut)
            {
                inbound.Dispose();
                continue;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target);
            }
            catch (SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound, this);
            _ = PumpAsync(outbound, inbound, this);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, TcpProxy proxy)
    {
        try
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await from.GetStream().ReadAsync(buffer)) > 0)
            {
                await proxy._flowing.Task;
                await to.GetStream().WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Cut();
        Thaw();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
