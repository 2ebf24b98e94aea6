using System.Collections.Concurrent;
using System.Diagnostics;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;
using Bridge.Adapters.OpcUa.Stack.Transport;

namespace Bridge.Tests.OpcUa.Stack.Interop;

[Trait("Category", "Integration")]
public class ReconnectInteropTests
{
    private static readonly SubscriptionSettings Fast = new() { PublishingInterval = TimeSpan.FromMilliseconds(100), MaxKeepAliveCount = 10 };

    [Fact]
    public async Task ServerKilledAndRestarted_SubscriptionBackAndValuesFlowWithin5s_NoDuplicates()
    {
        await using var server = await NodeOpcUaServerProcess.StartAsync();
        if (server is null)
        {
            return;
        }
        await using var client = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = server.Url, ReconnectMaxDelay = TimeSpan.FromMilliseconds(500) });
        var values = new ConcurrentQueue<(uint Value, DateTime? Source, long At)>();
        var events = new ConcurrentQueue<SubscriptionEvent>();
        var states = new ConcurrentQueue<ConnectionEvent>();
        client.ConnectionChanged += states.Enqueue;
        await using var subscription = await client.CreateSubscriptionAsync(Fast, v => values.Enqueue(((uint)v.Value.Value.Value!, v.Value.SourceTimestamp, Stopwatch.GetTimestamp())), events.Enqueue);
        await subscription.AddItemsAsync([new MonitoredItemRequest(NodeId.Parse("ns=1;s=Counters.Fast")) { SamplingInterval = 50 }]);
        await SubscriptionInteropTests.WaitUntil(() => values.Count >= 3, TimeSpan.FromSeconds(5));

        server.Kill();
        await SubscriptionInteropTests.WaitUntil(() => states.Any(s => s.State == ConnectionState.Reconnecting), TimeSpan.FromSeconds(5));
        var beforeRestart = values.Count;
        await server.StartAgainAsync();
        var ready = Stopwatch.GetTimestamp();
        await SubscriptionInteropTests.WaitUntil(() => values.Count > beforeRestart + 1, TimeSpan.FromSeconds(5));
        var firstAfter = values.Skip(beforeRestart).First().At;
        Stopwatch.GetElapsedTime(ready, firstAfter).ShouldBeLessThan(TimeSpan.FromSeconds(5));

        client.State.ShouldBe(ConnectionState.Connected);
        events.ShouldContain(e => e.Kind == SubscriptionEventKind.Restored && e.Gap > TimeSpan.Zero && e.Detail.Contains("recreating"));
        values.GroupBy(v => (v.Value, v.Source)).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public async Task ConnectionDropped_SessionReactivated_SubscriptionKeptWithoutDuplicates()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var values = new ConcurrentQueue<(uint Value, DateTime? Source)>();
        var events = new ConcurrentQueue<SubscriptionEvent>();
        await using var subscription = await client.CreateSubscriptionAsync(Fast, v => values.Enqueue(((uint)v.Value.Value.Value!, v.Value.SourceTimestamp)), events.Enqueue);
        await subscription.AddItemsAsync([new MonitoredItemRequest(NodeId.Parse("ns=1;s=Counters.Fast")) { SamplingInterval = 50 }]);
        await SubscriptionInteropTests.WaitUntil(() => values.Count >= 3, TimeSpan.FromSeconds(5));
        var id = subscription.Id;
        var session = client.Session.SessionId;

        client.Session.Channel.Abort(new OpcUaConnectionException(new StatusCode(StatusCodes.BadConnectionClosed), "test cut the connection"));
        await SubscriptionInteropTests.WaitUntil(() => events.Any(e => e.Kind == SubscriptionEventKind.Restored), TimeSpan.FromSeconds(5));
        var count = values.Count;
        await SubscriptionInteropTests.WaitUntil(() => values.Count > count + 2, TimeSpan.FromSeconds(5));

        client.Session.SessionId.ShouldBe(session);
        subscription.Id.ShouldBe(id);
        events.ShouldContain(e => e.Detail.Contains("kept"));
        values.GroupBy(v => (v.Value, v.Source)).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public async Task SessionClosedOnServer_NewSession_SubscriptionMovedByTransferSubscriptions()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var values = new ConcurrentQueue<(uint Value, DateTime? Source)>();
        var events = new ConcurrentQueue<SubscriptionEvent>();
        await using var subscription = await client.CreateSubscriptionAsync(Fast, v => values.Enqueue(((uint)v.Value.Value.Value!, v.Value.SourceTimestamp)), events.Enqueue);
        await subscription.AddItemsAsync([new MonitoredItemRequest(NodeId.Parse("ns=1;s=Counters.Fast")) { SamplingInterval = 50 }]);
        await SubscriptionInteropTests.WaitUntil(() => values.Count >= 3, TimeSpan.FromSeconds(5));
        var session = client.Session.SessionId;

        // Close the session behind the client's back, keeping its subscriptions on the server: the reconnect must
        // create a new session and move the subscription over with TransferSubscriptions.
        try
        {
            await client.Session.CallAsync<Bridge.Adapters.OpcUa.Stack.Messages.CloseSessionRequest, Bridge.Adapters.OpcUa.Stack.Messages.CloseSessionResponse>(
                new Bridge.Adapters.OpcUa.Stack.Messages.CloseSessionRequest { DeleteSubscriptions = false }, CancellationToken.None);
        }
        catch (Bridge.Adapters.OpcUa.Stack.OpcUaException)
        {
            // The outstanding Publish requests fail with BadSessionClosed first and the client drops the channel.
        }
        await SubscriptionInteropTests.WaitUntil(() => events.Any(e => e.Kind == SubscriptionEventKind.Restored), TimeSpan.FromSeconds(10));
        var count = values.Count;
        await SubscriptionInteropTests.WaitUntil(() => values.Count > count + 2, TimeSpan.FromSeconds(5));

        client.Session.SessionId.ShouldNotBe(session);
        events.ShouldContain(e => e.Detail.Contains("TransferSubscriptions"));
        values.GroupBy(v => (v.Value, v.Source)).ShouldAllBe(g => g.Count() == 1);
    }
}
