using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bridge.Tests.OpcUa;

/// <summary>A node-opcua test server this test starts itself (to kill and restart it), on a free loopback port.</summary>
internal sealed class NodeOpcUaServerProcess : IAsyncDisposable
{
    private Process? process;

    private NodeOpcUaServerProcess(int port, string arguments)
    {
        Port = port;
        Arguments = arguments;
    }

    public int Port { get; }

    public string Arguments { get; }

    public string Url => $"opc.tcp://127.0.0.1:{Port}/";

    /// <summary>Null when the npm packages are not installed and servers are not required.</summary>
    public static async Task<NodeOpcUaServerProcess?> StartAsync(string arguments = "--many 100")
    {
        var folder = Path.Combine(OpcUaTestServer.RepositoryRoot, "tests", "opcua-server");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            if (Environment.GetEnvironmentVariable("BRIDGE_TEST_REQUIRE_SERVERS") == "1")
            {
                Assert.Fail($"node-opcua is not installed in {folder}: run npm ci there (./test.sh does).");
            }
            return null;
        }
        var server = new NodeOpcUaServerProcess(FreePort(), arguments);
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var folder = Path.Combine(OpcUaTestServer.RepositoryRoot, "tests", "opcua-server");
        var info = new ProcessStartInfo("node", $"server.js --port {Port} {Arguments}")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("BRIDGE-OPCUA-READY", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Generous: on a 2-core machine shared with other builds, node-opcua needs 40 s and more to load its nodeset.
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(120));
    }

    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit(5000);
        process?.Dispose();
        process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
