using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;

namespace Bridge.Tests.OpcUa.Stack.Interop;

/// <summary>ModifySubscription and ModifyMonitoredItems: intervals and deadband change on the live subscription.</summary>
[Trait("Category", "Integration")]
// Both classes write ns=1;s=Writable.Double on the shared test server: one collection runs them one after the other.
[Collection("opcua-writable-double")]
public class SubscriptionModifyInteropTests
{
    [Fact]
    public async Task ModifySubscriptionAndItems_ChangeIntervalsAndDeadband_WithoutRecreating()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var values = new List<double>();
        using var arrived = new SemaphoreSlim(0);
        var subscription = await client.CreateSubscriptionAsync(new SubscriptionSettings { PublishingInterval = TimeSpan.FromMilliseconds(1000) }, v =>
        {
            lock (values)
            {
                values.Add(Convert.ToDouble(v.Value.Value.Value, System.Globalization.CultureInfo.InvariantCulture));
            }
            arrived.Release();
        });
        var id = subscription.Id;
        var node = NodeId.Parse("ns=1;s=Writable.Double");
        var item = (await subscription.AddItemsAsync([new MonitoredItemRequest(node) { SamplingInterval = 500 }])).Single();
        var serverId = item.ServerId;

        await subscription.ModifyAsync(subscription.Settings with { PublishingInterval = TimeSpan.FromMilliseconds(200) });
        subscription.Id.ShouldBe(id);
        subscription.RevisedPublishingInterval.ShouldBe(TimeSpan.FromMilliseconds(200));
        subscription.Settings.PublishingInterval.ShouldBe(TimeSpan.FromMilliseconds(200));

        var status = await subscription.ModifyItemsAsync([(item, item.Request with { SamplingInterval = 100, DeadbandType = DeadbandType.Absolute, DeadbandValue = 5 })]);
        status.ShouldHaveSingleItem().IsGood.ShouldBeTrue();
        item.ServerId.ShouldBe(serverId);
        item.RevisedSamplingInterval.ShouldBe(100);
        item.Request.DeadbandValue.ShouldBe(5);

        // With an absolute deadband of 5, a change of 1 is not reported and a change of 10 is.
        var start = Random.Shared.Next(1000, 100000);
        (await client.WriteValueAsync(node, Variant.From((double)start))).IsGood.ShouldBeTrue();
        await WaitForAsync(values, arrived, start);
        (await client.WriteValueAsync(node, Variant.From(start + 1.0))).IsGood.ShouldBeTrue();
        (await client.WriteValueAsync(node, Variant.From(start + 10.0))).IsGood.ShouldBeTrue();
        await WaitForAsync(values, arrived, start + 10);
        lock (values)
        {
            values.ShouldNotContain(start + 1);
        }
    }

    private static async Task WaitForAsync(List<double> values, SemaphoreSlim arrived, double wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            lock (values)
            {
                if (values.Contains(wanted))
                {
                    return;
                }
            }
            await arrived.WaitAsync(timeout.Token);
        }
    }
}
