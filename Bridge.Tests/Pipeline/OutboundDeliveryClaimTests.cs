using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Pipeline.Outbound;
using Bridge.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bridge.Tests.Pipeline;

/// <summary>
/// Found by the fault suite (R8, a broker node killed under two hosts): the node's loss returned a message to the
/// queue while the first host's call to the WMS was still under way; the other host got it, found no delivery recorded
/// yet and called the WMS too. A host now claims the (message, system) pair before it calls; a second host that finds a
/// live claim does not call, and the retry schedule looks again later (then finding the delivery recorded).
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutboundDeliveryClaimTests : IAsyncDisposable
{
    private readonly string _config = TestConfig.CopyShipped();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly OutboundProbeSender _mes;
    private readonly OutboundProbeSender _wms = new();
    private WebApplication? _app;

    public OutboundDeliveryClaimTests() => _mes = new OutboundProbeSender { Barrier = _release };

    [Fact]
    public async Task InMemory_ARedeliveryWhileTheFirstCallIsUnderWay_DoesNotCallTheSystemAgain() =>
        await ARedeliveryWhileTheFirstCallIsUnderWay_DoesNotCallTheSystemAgain(new InMemoryOutboundDeliveryLog());

    [Fact]
    public async Task Postgres_ARedeliveryWhileTheFirstCallIsUnderWay_DoesNotCallTheSystemAgain()
    {
        await using var dataSource = await MigratedAsync("delivery-claims");
        await ARedeliveryWhileTheFirstCallIsUnderWay_DoesNotCallTheSystemAgain(new PostgresOutboundDeliveryLog(dataSource));
    }

    [Fact]
    public async Task Postgres_AClaimRunsOut_ThenAnotherHostMayCall_AndAFailedCallGivesItsClaimUp()
    {
        await using var dataSource = await MigratedAsync("delivery-claim-lease");
        var log = new PostgresOutboundDeliveryLog(dataSource);
        var id = Guid.NewGuid();
        var now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        (await log.ClaimAsync(id, "mes", now, now.AddMinutes(3), default)).ShouldBe(DeliveryClaim.Claimed);
        (await log.ClaimAsync(id, "mes", now.AddMinutes(1), now.AddMinutes(4), default)).ShouldBe(DeliveryClaim.ClaimedElsewhere, "the first claim is live");
        (await log.ClaimAsync(id, "wms-a", now, now.AddMinutes(3), default)).ShouldBe(DeliveryClaim.Claimed, "claims are per system");
        (await log.ClaimAsync(id, "mes", now.AddMinutes(3), now.AddMinutes(6), default)).ShouldBe(DeliveryClaim.Claimed, "a claim that ran out (host killed mid-call) is taken over");

        await log.ReleaseClaimAsync(id, "mes", default);
        (await log.ClaimAsync(id, "mes", now.AddMinutes(3), now.AddMinutes(6), default)).ShouldBe(DeliveryClaim.Claimed, "a released claim is free at once");

        await log.MarkDeliveredAsync(id, "mes", now.AddMinutes(4), default);
        await using var left = dataSource.CreateCommand("select count(*) from outbound_delivery_claims where message_id = @id and system = 'mes'");
        left.Parameters.AddWithValue("id", id);
        ((long)(await left.ExecuteScalarAsync())!).ShouldBe(0, "recording the delivery ends the claim");
    }

    [Fact]
    public async Task InMemory_ADeliveredPair_IsReportedDelivered_AndNotClaimed() =>
        await ADeliveredPair_IsReportedDelivered_AndNotClaimed(new InMemoryOutboundDeliveryLog(), claimsLeft: null);

    [Fact]
    public async Task Postgres_ADeliveredPair_IsReportedDelivered_AndNotClaimed_InTheCheckAndClaimStatement()
    {
        await using var dataSource = await MigratedAsync("delivery-claim-delivered");
        await ADeliveredPair_IsReportedDelivered_AndNotClaimed(new PostgresOutboundDeliveryLog(dataSource), async id =>
        {
            await using var left = dataSource.CreateCommand("select count(*) from outbound_delivery_claims where message_id = @id");
            left.Parameters.AddWithValue("id", id);
            return (long)(await left.ExecuteScalarAsync())!;
        });
    }

    private static async Task ADeliveredPair_IsReportedDelivered_AndNotClaimed(IOutboundDeliveryLog log, Func<Guid, Task<long>>? claimsLeft)
    {
        var id = Guid.NewGuid();
        var now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        (await log.ClaimAsync(id, "mes", now, now.AddMinutes(3), default)).ShouldBe(DeliveryClaim.Claimed);
        await log.MarkDeliveredAsync(id, "mes", now.AddMinutes(1), default);

        (await log.ClaimAsync(id, "mes", now.AddMinutes(10), now.AddMinutes(13), default)).ShouldBe(DeliveryClaim.Delivered, "a retry finds the delivery");
        (await log.ClaimAsync(id, "mes", now.AddMinutes(11), now.AddMinutes(14), default)).ShouldBe(DeliveryClaim.Delivered, "and claimed nothing the first time");
        (await log.ClaimAsync(id, "wms-a", now.AddMinutes(10), now.AddMinutes(13), default)).ShouldBe(DeliveryClaim.Claimed, "deliveries are per system");
        if (claimsLeft is not null)
            (await claimsLeft(id)).ShouldBe(1, "only WMS A's claim: a delivered pair is never claimed again");
    }

    private async Task ARedeliveryWhileTheFirstCallIsUnderWay_DoesNotCallTheSystemAgain(IOutboundDeliveryLog log)
    {
        var (first, second) = await StartTwoHostsAsync(log);
        var message = Delivered();

        var firstAttempt = first.DispatchAsync(message, 0, CancellationToken.None);
        await _mes.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The same message, redelivered to the other host while the MES call of the first host hangs.
        var failures = await second.DispatchAsync(message, 0, CancellationToken.None);
        failures.Select(f => f.System.Id).ShouldBe(["mes"], "MES is busy with the first host's call; the other receiver is free to take it");
        failures[0].Error.Message.ShouldContain("another host is sending");

        _release.SetResult();
        (await firstAttempt).ShouldBeEmpty();
        (await second.DispatchAsync(message, 1, CancellationToken.None)).ShouldBeEmpty("the retry finds the delivery recorded");

        _mes.Calls.Count.ShouldBe(1);
        _wms.Calls.Count.ShouldBe(1);
    }

    private async Task<(OutboundDispatcher First, OutboundDispatcher Second)> StartTwoHostsAsync(IOutboundDeliveryLog log)
    {
        _app = await OutboundTestHost.StartEmbeddedAsync(_config, _mes, _wms);
        // Two dispatchers on one delivery log: what two hosts on one database are.
        return (ActivatorUtilities.CreateInstance<OutboundDispatcher>(_app.Services, log),
            ActivatorUtilities.CreateInstance<OutboundDispatcher>(_app.Services, log));
    }

    private static async Task<NpgsqlDataSource> MigratedAsync(string name)
    {
        var dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync(name));
        await new DatabaseSchemaMigrator(dataSource, [new OutboundDeliverySchemaScript()], TimeProvider.System, NullLogger<DatabaseSchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        return dataSource;
    }

    private static MaterialDelivered Delivered() => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = "MR-9",
        Source = "bridge",
        OccurredAt = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
        RequestId = "MR-9",
        OrderId = "PO-1",
        Location = "ST-1",
        Lines = [new MaterialLine { Material = "M-1", Quantity = 2, Unit = "pce" }],
    };

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_config, recursive: true);
    }
}
