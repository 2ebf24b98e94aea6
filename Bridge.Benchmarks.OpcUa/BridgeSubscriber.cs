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
    private readonly SequenceGaps gaps;
    private uint firstHandle;
    private long values;

    private BridgeSubscriber(OpcUaClient client, int items)
    {
        this.client = client;
        gaps = new SequenceGaps(items);
    }

    public string Name => "Bridge client";

    public static async Task<BridgeSubscriber> StartAsync(string url, BenchmarkOptions options, string pkiDir)
    {
        var client = await OpcUaClient.ConnectAsync(new OpcUaClientOptions
        {
            EndpointUrl = url,
            Security = new ClientSecurityOptions { Policy = options.Policy, Mode = options.Mode, PkiDir = pkiDir },
            // Creating 10,000 monitored items on a loaded machine takes longer than the default 15 s per call.
            Channel = new Bridge.Adapters.OpcUa.Stack.SecureChannel.SecureChannelOptions { RequestTimeout = TimeSpan.FromSeconds(120) },
        });
        var subscriber = new BridgeSubscriber(client, options.Items);
        var subscription = await client.CreateSubscriptionAsync(
            new SubscriptionSettings { PublishingInterval = TimeSpan.FromMilliseconds(options.PublishingMs) },
            change =>
            {
                Interlocked.Increment(ref subscriber.values);
                if (change.Value.TryGetDouble(out var tick))
                {
                    subscriber.gaps.Observe((int)(change.Item.ClientHandle - subscriber.firstHandle), tick);
                }
            });
        var created = await subscription.AddItemsAsync(Enumerable.Range(0, options.Items).Select(i =>
            new MonitoredItemRequest(NodeId.Parse("ns=1;s=Many.V" + i.ToString("00000", CultureInfo.InvariantCulture))) { SamplingInterval = options.SamplingMs, QueueSize = 1 }));
        subscriber.firstHandle = created[0].ClientHandle;
        return subscriber;
    }

    public Sample Read() => new(Interlocked.Read(ref values), Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp(), RuntimeCounters.Now(), gaps.Missed);

    public ValueTask DisposeAsync() => client.DisposeAsync();
}
