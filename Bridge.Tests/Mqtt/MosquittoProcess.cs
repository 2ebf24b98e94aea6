using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bridge.Tests.Mqtt;

/// <summary>
/// A Mosquitto this test starts itself on a free loopback port (the binary ./test.sh installs), with its own
/// configuration lines (persistence, a password file, a TLS listener), so it can be stopped and started again
/// without disturbing the shared broker.
/// </summary>
internal sealed class MosquittoProcess : IAsyncDisposable
{
    private readonly string _folder;
    private Process? _process;

    private MosquittoProcess(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Folder => _folder;

    /// <summary>Null when Mosquitto is not installed and servers are not required.</summary>
    public static async Task<MosquittoProcess?> StartAsync(Func<string, string>? extraConfig = null)
    {
        if (!File.Exists("/usr/sbin/mosquitto"))
        {
            if (MqttTestBroker.Required)
                Assert.Fail("mosquitto is not installed: run the tests through ./test.sh.");
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("bridge-mosquitto-").FullName;
        var port = FreePort();
        var config = $"""
            user root
            listener {port} 127.0.0.1
            persistence true
            persistence_location {folder}/
            autosave_interval 1
            log_dest stdout
            max_inflight_messages 1000
            max_queued_messages 100000
            """ + Environment.NewLine + (extraConfig?.Invoke(folder) ?? "allow_anonymous true") + Environment.NewLine;
        await File.WriteAllTextAsync(Path.Combine(folder, "mosquitto.conf"), config);
        var broker = new MosquittoProcess(folder, port);
        await broker.StartAgainAsync();
        return broker;
    }

    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo("/usr/sbin/mosquitto", $"-c {_folder}/mosquitto.conf")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited)
                    Assert.Fail($"mosquitto exited with {_process.ExitCode} while starting");
                await Task.Delay(50);
            }
        }

        Assert.Fail($"mosquitto did not listen on {Port} within 5 s");
    }

    /// <summary>Stops the broker the way a service stop does (SIGTERM: it writes its persistence file first).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
