using System.Collections.Concurrent;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;

namespace Bridge.Tests.OpcUa.Stack.Interop;

[Trait("Category", "Integration")]
// Both classes write ns=1;s=Writable.Double on the shared test server: one collection runs them one after the other.
[Collection("opcua-writable-double")]
public class SubscriptionInteropTests
{
    private static readonly SubscriptionSettings Fast = new() { PublishingInterval = TimeSpan.FromMilliseconds(100), MaxKeepAliveCount = 10 };

    [Fact]
    public async Task Subscribe_Counter_DeliversIncreasingValuesWithTimestamps()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var values = new ConcurrentQueue<ValueChange>();
        await using var subscription = await client.CreateSubscriptionAsync(Fast, values.Enqueue);
        var items = await subscription.AddItemsAsync([new MonitoredItemRequest(NodeId.Parse("ns=1;s=Counters.Fast")) { SamplingInterval = 50 }]);
        items[0].Status.IsGood.ShouldBeTrue();
        await WaitUntil(() => values.Count >= 5, TimeSpan.FromSeconds(5));
        var numbers = values.Select(v => (uint)v.Value.Value.Value!).ToList();
        numbers.ShouldBe(numbers.Order().ToList());
        numbers.Distinct().Count().ShouldBe(numbers.Count);
        values.ShouldAllBe(v => v.Value.SourceTimestamp != null && v.Value.ServerTimestamp != null);
    }

    [Fact]
    public async Task AbsoluteDeadband_SuppressesSmallChanges()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var node = NodeId.Parse("ns=1;s=Writable.Double");
        await client.WriteValueAsync(node, Variant.From(0.0));
        var values = new ConcurrentQueue<double>();
        await using var subscription = await client.CreateSubscriptionAsync(Fast, v => values.Enqueue((double)v.Value.Value.Value!));
        await subscription.AddItemsAsync([new MonitoredItemRequest(node) { SamplingInterval = 20, DeadbandType = DeadbandType.Absolute, DeadbandValue = 5 }]);
        await WaitUntil(() => values.Count >= 1, TimeSpan.FromSeconds(5));
        foreach (var value in new[] { 1.0, 2.0, 10.0, 11.0, 14.9, 20.0 })
        {
            await client.WriteValueAsync(node, Variant.From(value));
            await Task.Delay(250);
        }
        await WaitUntil(() => values.Count >= 3, TimeSpan.FromSeconds(5));
        await Task.Delay(300);
        values.ShouldBe([0.0, 10.0, 20.0]);
    }

    [Fact]
    public async Task PercentDeadband_UsesTheNodesEURange()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var node = NodeId.Parse("ns=1;s=Writable.Level");
        await client.WriteValueAsync(node, Variant.From(0.0));
        var values = new ConcurrentQueue<double>();
        await using var subscription = await client.CreateSubscriptionAsync(Fast, v => values.Enqueue((double)v.Value.Value.Value!));
        // EURange 0..200: 10 % is 20 units.
        var items = await subscription.AddItemsAsync([new MonitoredItemRequest(node) { SamplingInterval = 20, DeadbandType = DeadbandType.Percent, DeadbandValue = 10 }]);
        items[0].Status.IsGood.ShouldBeTrue(items[0].Status.Name);
        await WaitUntil(() => values.Count >= 1, TimeSpan.FromSeconds(5));
        foreach (var value in new[] { 5.0, 15.0, 25.0, 30.0, 44.0, 50.0 })
        {
            await client.WriteValueAsync(node, Variant.From(value));
            await Task.Delay(250);
        }
        await WaitUntil(() => values.Count >= 3, TimeSpan.FromSeconds(5));
        await Task.Delay(300);
        values.ShouldBe([0.0, 25.0, 50.0]);
    }

    [Fact]
    public async Task PercentDeadband_OnNodeWithoutEURange_IsRejectedAndReported()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var events = new ConcurrentQueue<SubscriptionEvent>();
        await using var subscription = await client.CreateSubscriptionAsync(Fast, _ => { }, events.Enqueue);
        var items = await subscription.AddItemsAsync([new MonitoredItemRequest(NodeId.Parse("ns=1;s=Writable.Double")) { DeadbandType = DeadbandType.Percent, DeadbandValue = 10 }]);
        items[0].Status.IsBad.ShouldBeTrue();
        events.ShouldContain(e => e.Kind == SubscriptionEventKind.ItemRejected && e.Detail.Contains("Writable.Double"));
    }

    [Fact]
    public async Task BadStatus_IsDeliveredWithItsName()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var values = new ConcurrentQueue<DataValue>();
        await using var subscription = await client.CreateSubscriptionAsync(Fast, v => values.Enqueue(v.Value));
        await subscription.AddItemsAsync([new MonitoredItemRequest(NodeId.Parse("ns=1;s=Status.Quality")) { SamplingInterval = 20 }]);
        await WaitUntil(() => !values.IsEmpty, TimeSpan.FromSeconds(5));
        try
        {
            var result = await client.CallMethodAsync(NodeId.Parse("ns=1;s=Methods"), NodeId.Parse("ns=1;s=Methods.SetQuality"), [Variant.From(StatusCodes.BadSensorFailure)]);
            result.StatusCode.IsGood.ShouldBeTrue(result.StatusCode.Name);
            await WaitUntil(() => values.Any(v => v.StatusCode.Name == "BadSensorFailure"), TimeSpan.FromSeconds(5));
        }
        finally
        {
            await client.CallMethodAsync(NodeId.Parse("ns=1;s=Methods"), NodeId.Parse("ns=1;s=Methods.SetQuality"), [Variant.From(0u)]);
        }
    }

    [Fact]
    public async Task TenThousandItems_AreCreatedInBatchesAndAllReceiveChanges()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var latest = new ConcurrentDictionary<uint, double>();
        var settings = new SubscriptionSettings { PublishingInterval = TimeSpan.FromMilliseconds(200) };
        await using var subscription = await client.CreateSubscriptionAsync(settings, v => latest[v.Item.ClientHandle] = (double)v.Value.Value.Value!);
        var requests = Enumerable.Range(0, 10_000).Select(i => new MonitoredItemRequest(NodeId.Parse($"ns=1;s=Many.V{i:00000}")) { SamplingInterval = 100, QueueSize = 1 });
        var items = await subscription.AddItemsAsync(requests);
        client.Limits.MaxMonitoredItemsPerCall.ShouldBe(1000u);
        items.Count.ShouldBe(10_000);
        items.ShouldAllBe(i => i.Status.IsGood && i.ServerId != 0);
        await WaitUntil(() => latest.Count == 10_000, TimeSpan.FromSeconds(20));
        var start = (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Many.V00000")]))[0].Value.Value as double? ?? 0;
        await client.WriteValueAsync(NodeId.Parse("ns=1;s=Many.IntervalMs"), Variant.From(300u));
        await client.WriteValueAsync(NodeId.Parse("ns=1;s=Many.Running"), Variant.From(true));
        try
        {
            await WaitUntil(() => latest.Values.All(v => v > start), TimeSpan.FromSeconds(30));
        }
        finally
        {
            await client.WriteValueAsync(NodeId.Parse("ns=1;s=Many.Running"), Variant.From(false));
        }
        subscription.DuplicatesDropped.ShouldBe(0);
    }

    [Fact]
    public async Task LostNotificationMessage_IsRecoveredWithRepublish()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var values = new ConcurrentQueue<uint>();
        var events = new ConcurrentQueue<SubscriptionEvent>();
        await using var subscription = await client.CreateSubscriptionAsync(Fast, v => values.Enqueue((uint)v.Value.Value.Value!), events.Enqueue);
        await subscription.AddItemsAsync([new MonitoredItemRequest(NodeId.Parse("ns=1;s=Counters.Fast")) { SamplingInterval = 20, QueueSize = 100 }]);
        await WaitUntil(() => values.Count >= 3, TimeSpan.FromSeconds(5));
        var dropped = new ConcurrentQueue<uint>();
        client.PublishResponseFilter = response =>
        {
            if (response.NotificationMessage.NotificationData.Length == 0 || dropped.Count >= 2)
            {
                return true;
            }
            dropped.Enqueue(response.NotificationMessage.SequenceNumber);
            return false;
        };
        await WaitUntil(() => dropped.Count >= 2, TimeSpan.FromSeconds(5));
        var count = values.Count;
        await WaitUntil(() => values.Count > count + 3, TimeSpan.FromSeconds(5));
        var numbers = values.ToList();
        // Every counter value from the first to the last arrived once, in order: the dropped messages were republished.
        numbers.ShouldBe(Enumerable.Range((int)numbers[0], numbers.Count).Select(n => (uint)n).ToList());
        events.ShouldNotContain(e => e.Kind == SubscriptionEventKind.Gap);
    }

    internal static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Condition not met within {timeout.TotalSeconds} s");
            }
            await Task.Delay(25);
        }
    }
}
