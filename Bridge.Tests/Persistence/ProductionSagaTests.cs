using Bridge.Tests.Infrastructure;
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
        using var host = await CounterSagaHost.StartProduction();
        var bus = host.Services.GetRequiredService<IBus>();
        var (id, _) = await SagaWait.StartActive(host, "fifty", 600, Wait);

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
        using var host = await CounterSagaHost.StartProduction();
        var bus = host.Services.GetRequiredService<IBus>();
        var (id, _) = await SagaWait.StartActive(host, "twice", 600, Wait);

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
        using var host = await CounterSagaHost.StartProduction(received);
        var bus = host.Services.GetRequiredService<IBus>();
        var (id, _) = await SagaWait.StartActive(host, "explodes", 600, Wait);
        await bus.Publish(new IncrementCounter(id, 1m));
        var before = await SagaWait.Until(host, id, s => s.Count == 1, Wait);

        await bus.Publish(new ExplodeCounter(id));
        var fault = await received.WaitFor<Fault<ExplodeCounter>>(f => f.Message.CorrelationId == id, Wait);
        fault.Exceptions.SelectMany(Chain).ShouldContain(e => e.Message.Contains("on purpose"));
        (await ErrorQueue.ContainsAsync(TestServers.RabbitMq!, "bridge-counter-state_error", id.ToString(), Wait))
            .ShouldBeTrue("the failed message is kept in the saga endpoint's _error queue");

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
        using (var first = await CounterSagaHost.StartProduction())
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
        using var second = await CounterSagaHost.StartProduction(received);
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
        using var host = await CounterSagaHost.StartProduction();
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
    public async Task TwoThousandMessages_TwoConsumersOnOneEndpoint_EachConsumeEachOnce_EvenWhenRedelivered()
    {
        if (ServersMissing)
            return;
        var pings = new PingCounts();
        using var host = await CounterSagaHost.StartProduction(pings: pings);
        var bus = host.Services.GetRequiredService<IBus>();
        const int count = 2000;
        var watch = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, count).Select(_ => NewId.NextGuid()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => bus.Publish(new Ping(i), c => c.MessageId = ids[i])));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while ((pings.Seen.Count < count || pings.Audited.Count < count) && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        watch.Stop();
        Console.WriteLine($"{count} messages x 2 consumers through the PostgreSQL inbox/outbox: {watch.ElapsedMilliseconds} ms, {count * 1000.0 / watch.ElapsedMilliseconds:F0} msg/s");

        // The first hundred again, same MessageIds: both consumers' inboxes recognise them.
        const int again = 100;
        await Task.WhenAll(Enumerable.Range(0, again).Select(i => bus.Publish(new Ping(i), c => c.MessageId = ids[i])));
        await using var dataSource = NpgsqlDataSource.Create(TestServers.Postgres!);
        await using var receipts = dataSource.CreateCommand("""
            SELECT count(*), count(DISTINCT endpoint_name), count(DISTINCT consumer_id) FROM bridge_inbox
            WHERE message_id = ANY(@ids) AND receive_count = 2 AND delivered_at IS NOT NULL
            """);
        receipts.Parameters.AddWithValue("ids", ids[..again]);
        (long Rows, long Endpoints, long Consumers) found = (0, 0, 0);
        deadline = DateTime.UtcNow + Wait;
        while (found.Rows < 2 * again && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            await using var reader = await receipts.ExecuteReaderAsync();
            await reader.ReadAsync();
            found = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        found.ShouldBe((2L * again, 1L, 2L), "each redelivered ping reaches both consumers' receipts on the one endpoint");
        pings.Seen.Count.ShouldBe(count);
        pings.Audited.Count.ShouldBe(count);
        pings.Seen.Values.ShouldAllBe(n => n == 1);
        pings.Audited.Values.ShouldAllBe(n => n == 1);
        await host.StopAsync();
    }

    [Fact]
    public async Task FinalizedSaga_IsDeletedFromItsTable()
    {
        if (ServersMissing)
            return;
        using var host = await CounterSagaHost.StartProduction();
        var bus = host.Services.GetRequiredService<IBus>();
        var (id, _) = await SagaWait.StartActive(host, "removed", 600, Wait);
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
