using System.Diagnostics;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>The counter saga on RabbitMQ + PostgreSQL through <c>AddBridgeMessaging</c> in production mode.</summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ProductionSagaTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    static bool ServersMissing => TestServers.Postgres is null || TestServers.RabbitMq is null;

    [Fact]
    public async Task FiftyConcurrentEvents_OnOneSaga_EndWithExactCount()
    {
        if (ServersMissing)
            return;
        using var host = await BridgeTestHost.StartProduction();
        var bus = host.Services.GetRequiredService<IBus>();
        var id = Guid.NewGuid();
        await bus.Publish(new StartCounter(id, "fifty", 600));
        await SagaWait.Until(host, id, s => s.CurrentState == "Active", Wait);

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => bus.Publish(new IncrementCounter(id, 0.1m))));
        var state = await SagaWait.Until(host, id, s => s.Count >= 50, Wait);
        watch.Stop();

        state.Count.ShouldBe(50);
        state.Total.ShouldBe(5.0m);
        state.Lines.Count.ShouldBe(50);
        state.Version.ShouldBe(51);
        await Task.Delay(500);
        (await SagaWait.Until(host, id, _ => true, Wait)).Count.ShouldBe(50);
        Console.WriteLine($"50 concurrent events on one saga: {watch.ElapsedMilliseconds} ms");
        await host.StopAsync();
    }

    [Fact]
    public async Task MessageDeliveredTwice_WithSameMessageId_IsProcessedOnce()
    {
        if (ServersMissing)
            return;
        using var host = await BridgeTestHost.StartProduction();
        var bus = host.Services.GetRequiredService<IBus>();
        var id = Guid.NewGuid();
        await bus.Publish(new StartCounter(id, "twice", 600));
        await SagaWait.Until(host, id, s => s.CurrentState == "Active", Wait);

        var messageId = NewId.NextGuid();
        await bus.Publish(new IncrementCounter(id, 7m), c => c.MessageId = messageId);
        await bus.Publish(new IncrementCounter(id, 7m), c => c.MessageId = messageId);

        await using var dataSource = NpgsqlDataSource.Create(TestServers.Postgres!);
        var deadline = DateTime.UtcNow + Wait;
        long receiveCount = 0;
        while (DateTime.UtcNow < deadline && receiveCount < 2)
        {
            await using var command = dataSource.CreateCommand(
                "SELECT coalesce(sum(receive_count), 0) FROM bridge_inbox WHERE message_id = @id AND delivered_at IS NOT NULL");
            command.Parameters.AddWithValue("id", messageId);
            receiveCount = (long)(await command.ExecuteScalarAsync())!;
            await Task.Delay(50);
        }

        receiveCount.ShouldBe(2, "both deliveries should have reached the saga endpoint's inbox");
        var state = await SagaWait.Until(host, id, _ => true, Wait);
        state.Count.ShouldBe(1);
        state.Total.ShouldBe(7m);
        await host.StopAsync();
    }

    [Fact]
    public async Task SagaThrowsAfterPublishing_NothingIsPublished_AndStateIsUnchanged()
    {
        if (ServersMissing)
            return;
        var received = new ReceivedMessages();
        using var host = await BridgeTestHost.StartProduction(received);
        var bus = host.Services.GetRequiredService<IBus>();
        var id = Guid.NewGuid();
        await bus.Publish(new StartCounter(id, "explodes", 600));
        await SagaWait.Until(host, id, s => s.CurrentState == "Active", Wait);
        await bus.Publish(new IncrementCounter(id, 1m));
        var before = await SagaWait.Until(host, id, s => s.Count == 1, Wait);

        await bus.Publish(new ExplodeCounter(id));
        var fault = await received.WaitFor<Fault<ExplodeCounter>>(f => f.Message.CorrelationId == id, Wait);
        fault.Exceptions.SelectMany(Chain).ShouldContain(e => e.Message.Contains("on purpose"));

        await Task.Delay(1000);
        received.Of<CounterExploded>().ShouldNotContain(m => m.CorrelationId == id);
        var after = await SagaWait.Until(host, id, _ => true, Wait);
        after.Count.ShouldBe(1);
        after.Version.ShouldBe(before.Version);
        await host.StopAsync();
    }

    static IEnumerable<ExceptionInfo> Chain(ExceptionInfo? info)
    {
        for (; info is not null; info = info.InnerException)
            yield return info;
    }

    [Fact]
    public async Task HostStoppedMidSaga_NewHostCompletesItFromStoredState_AndFiresItsTimeout()
    {
        if (ServersMissing)
            return;
        var completeLater = Guid.NewGuid();
        var timesOut = Guid.NewGuid();
        using (var first = await BridgeTestHost.StartProduction())
        {
            var bus = first.Services.GetRequiredService<IBus>();
            await bus.Publish(new StartCounter(completeLater, "survives restart", 600));
            await bus.Publish(new StartCounter(timesOut, "times out after restart", 4));
            await SagaWait.Until(first, completeLater, s => s.CurrentState == "Active", Wait);
            await SagaWait.Until(first, timesOut, s => s.CurrentState == "Active", Wait);
            for (var i = 0; i < 3; i++)
                await bus.Publish(new IncrementCounter(completeLater, 2m));
            await SagaWait.Until(first, completeLater, s => s.Count == 3, Wait);
            await first.StopAsync();
        }

        var received = new ReceivedMessages();
        using var second = await BridgeTestHost.StartProduction(received);
        await second.Services.GetRequiredService<IBus>().Publish(new CompleteCounter(completeLater));
        var completed = await received.WaitFor<CounterCompleted>(m => m.CorrelationId == completeLater, Wait);
        completed.Count.ShouldBe(3);
        (await SagaWait.Until(second, completeLater, s => s.CurrentState == "Done", Wait)).Total.ShouldBe(6m);

        await received.WaitFor<CounterTimedOut>(m => m.CorrelationId == timesOut, Wait);
        (await SagaWait.Until(second, timesOut, s => s.CurrentState == "TimedOut", Wait)).TimedOutAt.ShouldNotBeNull();
        await second.StopAsync();
    }

    [Fact]
    public async Task EventCorrelatedByQuery_FindsSagaByStateProperty()
    {
        if (ServersMissing)
            return;
        using var host = await BridgeTestHost.StartProduction();
        var bus = host.Services.GetRequiredService<IBus>();
        var id = Guid.NewGuid();
        var name = $"by-name-{id:N}";
        await bus.Publish(new StartCounter(id, name, 600));
        await SagaWait.Until(host, id, s => s.CurrentState == "Active", Wait);

        await bus.Publish(new RenameCounterByName(name, "renamed"));
        (await SagaWait.Until(host, id, s => s.Name == "renamed", Wait)).Version.ShouldBe(2);
        await host.StopAsync();
    }

    [Fact]
    public async Task TwoThousandMessages_ThroughInboxAndOutbox_AreEachConsumedOnce()
    {
        if (ServersMissing)
            return;
        var pings = new PingCounts();
        using var host = await BridgeTestHost.StartProduction(pings: pings);
        var bus = host.Services.GetRequiredService<IBus>();
        const int count = 2000;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => bus.Publish(new Ping(i))));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (pings.Seen.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        watch.Stop();

        pings.Seen.Count.ShouldBe(count);
        pings.Seen.Values.ShouldAllBe(n => n == 1);
        Console.WriteLine($"{count} messages through the PostgreSQL inbox/outbox: {watch.ElapsedMilliseconds} ms, {count * 1000.0 / watch.ElapsedMilliseconds:F0} msg/s");
        await host.StopAsync();
    }

    [Fact]
    public async Task FinalizedSaga_IsDeletedFromItsTable()
    {
        if (ServersMissing)
            return;
        using var host = await BridgeTestHost.StartProduction();
        var bus = host.Services.GetRequiredService<IBus>();
        var id = Guid.NewGuid();
        await bus.Publish(new StartCounter(id, "removed", 600));
        await SagaWait.Until(host, id, s => s.CurrentState == "Active", Wait);
        await bus.Publish(new RemoveCounter(id));

        await using var dataSource = NpgsqlDataSource.Create(TestServers.Postgres!);
        var deadline = DateTime.UtcNow + Wait;
        long rows = 1;
        while (DateTime.UtcNow < deadline && rows > 0)
        {
            await Task.Delay(50);
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM saga_counter_state WHERE id = @id");
            command.Parameters.AddWithValue("id", id);
            rows = (long)(await command.ExecuteScalarAsync())!;
        }

        rows.ShouldBe(0);
        await host.StopAsync();
    }
}
