using Bridge.Contracts.Messages;
using Bridge.Host.Demo;
using Bridge.Host.Pipeline.Telemetry;
using Bridge.Host.Processes.Replenishment;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Bridge.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using static Bridge.Tests.Replenishment.LineSideTestApi;

namespace Bridge.Tests.Replenishment;

/// <summary>
/// The production signal consumer on RabbitMQ + PostgreSQL: deliveries are acknowledged only after their batch
/// committed; a crash between the commit and the acknowledgement redelivers the batch, and it changes nothing twice.
/// </summary>
[Trait("Category", "Integration")]
[Collection(HostCollection.Name)]
public sealed class RabbitMqLineSideSignalConsumerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private string _rabbit = "";
    private string _postgres = "";
    private SimulatedSystems? _receivers;

    public async Task InitializeAsync()
    {
        if (!TestServers.Available)
            return;
        _rabbit = await TestServers.CreateVirtualHostAsync("line-side-raw");
        _postgres = await TestServers.CreateDatabaseAsync("line-side-raw");
        _receivers = await SimulatedSystems.StartAsync("mes", "wms-b");
    }

    public async Task DisposeAsync()
    {
        if (_receivers is not null)
            await _receivers.DisposeAsync();
    }

    [Fact]
    public async Task CrashBetweenCommitAndAck_RedeliversTheBatch_WithoutDoubleEffect()
    {
        if (_receivers is null)
            return;
        // 120 → 70 → 50 → 35: the last one crosses the reorder point (40).
        await CrashBetweenCommitAndAck_AppliesOnceAsync(() =>
            PublishAsync([Consumed(50, At.AddSeconds(1)), Consumed(20, At.AddSeconds(2)), Consumed(15, At.AddSeconds(3))]));
    }

    [Fact]
    public async Task WhileABatchCommits_TheNextIsReceivedAndDecoded_AndEachIsAcknowledgedAfterItsCommit()
    {
        if (_receivers is null)
            return;
        await using (var host = await BridgeTestHost.StartAsync(_rabbit, _postgres, _receivers, new Dictionary<string, string?>
        {
            ["Bridge:Systems:wms-b:BaseUrl"] = new Uri(_receivers.BaseUrl, "/wms-b").AbsoluteUri,
        }))
        {
            var hooks = host.Services.GetRequiredService<LineSideSignalConsumerHooks>();
            var firstHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var nextDecoded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var decoded = 0;
            var commits = 0;
            hooks.AfterDecode = () =>
            {
                if (Interlocked.Increment(ref decoded) == 2)
                    nextDecoded.TrySetResult();
            };
            hooks.AfterCommit = async ct =>
            {
                if (Interlocked.Increment(ref commits) > 1)
                    return;
                // The first batch is committed and not yet acknowledged: the consume loop waits here.
                firstHeld.SetResult();
                await release.Task.WaitAsync(ct);
            };

            await PublishAsync([Consumed(50, At.AddSeconds(1))]);
            await firstHeld.Task.WaitAsync(Wait);
            await PublishAsync([Consumed(20, At.AddSeconds(2))]);

            // Received and decoded while the first batch still waits for its acknowledgement: the stages overlap.
            await nextDecoded.Task.WaitAsync(Wait);
            commits.ShouldBe(1);
            (await ViewAsync(host))["signals"]!.GetValue<long>().ShouldBe(1);
            release.SetResult();

            var view = await UntilAsync(host, v => Quantity(v) == 50m);
            view["signals"]!.GetValue<long>().ShouldBe(2);
            commits.ShouldBe(2);
        }

        // The host is gone: a delivery it had not acknowledged would be back in the queue now.
        await using var connection = await new ConnectionFactory { Uri = new Uri(_rabbit) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        (await channel.QueueDeclarePassiveAsync(LineSideSignalQueue.Name)).MessageCount.ShouldBe(0u);
    }

    [Fact]
    public async Task Pack_CrashBetweenCommitAndAck_RedeliversThePack_EachSignalAppliedOnce()
    {
        if (_receivers is null)
            return;
        // One message for the same three signals, straight to the queue.
        await CrashBetweenCommitAndAck_AppliesOnceAsync(() =>
            PublishPackAsync([Consumed(50, At.AddSeconds(1)), Consumed(20, At.AddSeconds(2)), Consumed(15, At.AddSeconds(3))]));
    }

    /// <summary>
    /// The host fails after its first commit, before the acknowledgement; the signals (120 → 70 → 50 → 35, crossing the
    /// reorder point of 40) come back and change nothing twice: three signals counted, one request at the WMS.
    /// </summary>
    private async Task CrashBetweenCommitAndAck_AppliesOnceAsync(Func<Task> publish)
    {
        await using var host = await BridgeTestHost.StartAsync(_rabbit, _postgres, _receivers!, new Dictionary<string, string?>
        {
            ["Bridge:Systems:wms-b:BaseUrl"] = new Uri(_receivers!.BaseUrl, "/wms-b").AbsoluteUri,
        });
        var commits = 0;
        var crashed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<LineSideSignalConsumerHooks>().AfterCommit = _ =>
        {
            if (Interlocked.Increment(ref commits) > 1)
                return Task.CompletedTask;
            crashed.SetResult();
            throw new InvalidOperationException("the host died after the commit, before the acknowledgement");
        };

        await publish();
        await crashed.Task.WaitAsync(Wait);

        var view = await UntilAsync(host, v => Quantity(v) == 35m && (string?)v["state"] == "Requested");
        view["signals"]!.GetValue<long>().ShouldBe(3);
        (await _receivers.NextAsync("wms-b", Wait)).Path.ShouldBe("/import/replenishment/RP-L1-ST03-0001.csv");
        commits.ShouldBeGreaterThan(1);
        await Should.ThrowAsync<TimeoutException>(() => _receivers.NextAsync("wms-b", TimeSpan.FromSeconds(1)));
        (await ViewAsync(host))["signals"]!.GetValue<long>().ShouldBe(3);
    }

    /// <summary>The signals as one <see cref="LineSideSignalPack"/>, published straight to the signal queue.</summary>
    private async Task PublishPackAsync(IEnumerable<LineSideConsumptionReported> signals)
    {
        var encoder = new TelemetryEnvelopeEncoder(TimeProvider.System);
        var envelopes = signals.Select(s => encoder.Encode(s).Body.ToArray());
        byte[] pack = [(byte)'[', .. envelopes.SelectMany((e, i) => i == 0 ? e : [(byte)',', .. e]), (byte)']'];
        await using var connection = await new ConnectionFactory { Uri = new Uri(_rabbit) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.BasicPublishAsync("", LineSideSignalQueue.Name, false, new BasicProperties { Persistent = true, ContentType = LineSideSignalPack.ContentType }, pack);
    }

    private async Task PublishAsync(IEnumerable<LineSideConsumptionReported> signals)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(_rabbit) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var encoder = new TelemetryEnvelopeEncoder(TimeProvider.System);
        foreach (var signal in signals)
        {
            var record = encoder.Encode(signal);
            await channel.BasicPublishAsync(record.Exchange, "", false, new BasicProperties { Persistent = true, MessageId = record.MessageId.ToString() }, record.Body);
        }
    }

    private static LineSideConsumptionReported Consumed(decimal quantity, DateTimeOffset at) => new()
    {
        MessageId = Guid.NewGuid(), CorrelationId = "L1-ST03", Source = "plc", OccurredAt = at, Location = "L1-ST03", Material = "A-100",
        Quantity = quantity, Unit = "pcs",
    };
}
