using System.Diagnostics;
using System.Globalization;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;

namespace Bridge.Benchmarks.OpcUa;

/// <summary>Bridge's client in this process, counting delivered value changes.</summary>
internal sealed class BridgeSubscriber : ISubscriber
{
    private readonly OpcUaClient client;
    private long values;

    private BridgeSubscriber(OpcUaClient client) => this.client = client;

    public string Name => "Bridge client";

    public static async Task<BridgeSubscriber> StartAsync(string url, BenchmarkOptions options, string pkiDir)
    {
        var client = await OpcUaClient.ConnectAsync(new OpcUaClientOptions
        {
            EndpointUrl = url,
            Security = new ClientSecurityOptions { Policy = options.Policy, Mode = options.Mode, PkiDir = pkiDir },
        });
        var subscriber = new BridgeSubscriber(client);
        var subscription = await client.CreateSubscriptionAsync(
            new SubscriptionSettings { PublishingInterval = TimeSpan.FromMilliseconds(options.PublishingMs) },
            _ => Interlocked.Increment(ref subscriber.values));
        await subscription.AddItemsAsync(Enumerable.Range(0, options.Items).Select(i =>
            new MonitoredItemRequest(NodeId.Parse("ns=1;s=Many.V" + i.ToString("00000", CultureInfo.InvariantCulture))) { SamplingInterval = options.SamplingMs, QueueSize = 1 }));
        return subscriber;
    }

    public Sample Read() => new(Interlocked.Read(ref values), Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp());

    public ValueTask DisposeAsync() => client.DisposeAsync();
}
