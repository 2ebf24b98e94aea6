using System.Diagnostics;
using System.Globalization;

namespace Bridge.Benchmarks.OpcUa;

/// <summary>node-opcua's client in its own process (bench-client.js), reporting its count and CPU each second.</summary>
internal sealed class NodeOpcUaSubscriber : ISubscriber
{
    private readonly NodeScript script;
    private Sample last;

    private NodeOpcUaSubscriber(NodeScript script)
    {
        this.script = script;
        script.Line += OnLine;
    }

    public string Name => "node-opcua client";

    public static async Task<NodeOpcUaSubscriber> StartAsync(string folder, string url, BenchmarkOptions options)
    {
        var script = await NodeScript.StartAsync(folder, $"bench-client.js --url {url} --items {options.Items} --interval {options.PublishingMs} --sampling {options.SamplingMs} --policy {options.Policy}{(options.Policy == "None" ? "" : " --mode " + options.Mode)}", "SUBSCRIBED", TimeSpan.FromSeconds(120));
        return new NodeOpcUaSubscriber(script);
    }

    private void OnLine(string line)
    {
        if (!line.StartsWith("COUNT ", StringComparison.Ordinal))
        {
            return;
        }
        var parts = line.Split(' ');
        last = new Sample(long.Parse(parts[1], CultureInfo.InvariantCulture), TimeSpan.FromMicroseconds(double.Parse(parts[2], CultureInfo.InvariantCulture)), Stopwatch.GetTimestamp(), null, long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    /// <summary>The latest once-a-second report (at most a second old; rates use the report's own arrival times).</summary>
    public Sample Read() => last;

    public async ValueTask DisposeAsync()
    {
        await script.StopAsync(TimeSpan.FromSeconds(15));
        script.Dispose();
    }
}
