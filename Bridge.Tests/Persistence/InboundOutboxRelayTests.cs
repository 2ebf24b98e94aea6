using Bridge.Contracts.Messages;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>
/// Issue 13 point 14: one row that fails to publish (any exception) is counted and finally parked with its reason; the
/// rows around it flow in the same pass and none is published twice.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InboundOutboxRelayTests
{
    [Fact]
    public async Task RowFailingToPublish_IsParkedAfterItsAttempts_WhileTheOthersFlowExactlyOnce()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        // A database of its own: the host's own relay must not take these rows.
        await using var dataSource = await TestDatabase.CreateAsync(await TestServers.CreateDatabaseAsync("relay"));
        var publisher = new PostgresInboundPublisher(dataSource, new InboundOutboxSignal(), TimeProvider.System);
        var messages = new List<BinLevelReported>();
        for (var i = 0; i < 4; i++)
        {
            var message = Level($"LS-{i}", i);
            messages.Add(message);
            (await publisher.PublishAsync(message, CancellationToken.None)).Outcome.ShouldBe(InboundPublishOutcome.Accepted);
        }

        var poison = messages[1].MessageId;
        var received = new ReceivedMessages();
        using var host = await CounterSagaHost.StartProduction(received);
        var relay = new InboundOutboxRelay(dataSource, host.Services.GetRequiredService<IBus>(), new InboundOutboxSignal(),
            Options.Create(new BridgeMessagingOptions()), TimeProvider.System, NullLogger<InboundOutboxRelay>.Instance)
        {
            BeforePublish = (id, _) => id == poison ? throw new InvalidOperationException("the broker refused this one") : Task.CompletedTask,
        };

        (await relay.RelayOnceAsync(CancellationToken.None)).ShouldBe(3, "the rows before and after the failing one flow in the same pass");
        (await Row(dataSource, poison)).ShouldBe((false, false, 1, "publish failed (1 of 5): InvalidOperationException: the broker refused this one"));

        for (var pass = 2; pass <= InboundOutboxRelay.MaxPublishAttempts; pass++)
            (await relay.RelayOnceAsync(CancellationToken.None)).ShouldBe(0, "sent rows are never published again");
        var parked = await Row(dataSource, poison);
        parked.Parked.ShouldBeTrue();
        parked.Sent.ShouldBeFalse();
        parked.Failure!.ShouldContain("(5 of 5)");

        // Parked, the row is no longer tried; a later row still flows.
        var sentinel = Level("LS-sentinel", 99);
        await publisher.PublishAsync(sentinel, CancellationToken.None);
        (await relay.RelayOnceAsync(CancellationToken.None)).ShouldBe(1);
        await received.WaitFor<BinLevelReported>(m => m.MessageId == sentinel.MessageId, TimeSpan.FromSeconds(30));
        foreach (var sent in messages.Where(m => m.MessageId != poison))
        {
            await received.WaitFor<BinLevelReported>(m => m.MessageId == sent.MessageId, TimeSpan.FromSeconds(30));
            received.Of<BinLevelReported>().Count(m => m.MessageId == sent.MessageId).ShouldBe(1);
        }

        received.Of<BinLevelReported>().ShouldNotContain(m => m.MessageId == poison);
        await host.StopAsync();
    }

    [Fact]
    public async Task PublishThatNeverAnswers_EndsThePassUncounted_AndTheRowFlowsInTheNext()
    {
        // R2: a publish issued as RabbitMQ went down never returned, also after the broker was back; the relay waited on
        // it for good with its transaction open, and 620 accepted requests were never published.
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        await using var dataSource = await TestDatabase.CreateAsync(await TestServers.CreateDatabaseAsync("relay-hang"));
        var publisher = new PostgresInboundPublisher(dataSource, new InboundOutboxSignal(), TimeProvider.System);
        var first = Level("LS-hang-1", 1);
        var second = Level("LS-hang-2", 2);
        await publisher.PublishAsync(first, CancellationToken.None);
        await publisher.PublishAsync(second, CancellationToken.None);
        var received = new ReceivedMessages();
        using var host = await CounterSagaHost.StartProduction(received);
        var hang = true;
        var relay = new InboundOutboxRelay(dataSource, host.Services.GetRequiredService<IBus>(), new InboundOutboxSignal(),
            Options.Create(new BridgeMessagingOptions()), TimeProvider.System, NullLogger<InboundOutboxRelay>.Instance)
        {
            PublishTimeout = TimeSpan.FromMilliseconds(500),
            BeforePublish = (id, _) => hang && id == first.MessageId ? new TaskCompletionSource().Task : Task.CompletedTask,
        };

        (await relay.RelayOnceAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, "the pass ends at the publish that does not answer");
        (await Row(dataSource, first.MessageId)).ShouldBe((false, false, 0, (string?)null), "no answer is not the row's failure");
        (await Row(dataSource, second.MessageId)).Sent.ShouldBeFalse();

        hang = false;
        (await relay.RelayOnceAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(2);
        foreach (var sent in new[] { first, second })
            await received.WaitFor<BinLevelReported>(m => m.MessageId == sent.MessageId, TimeSpan.FromSeconds(30));
        await host.StopAsync();
    }

    static BinLevelReported Level(string location, decimal value) => new()
    {
        MessageId = Guid.NewGuid(), CorrelationId = location, Source = "mqtt", OccurredAt = DateTimeOffset.UnixEpoch,
        Location = location, Material = "A-100", Value = value, Unit = "kg",
    };

    static async Task<(bool Sent, bool Parked, int Attempts, string? Failure)> Row(NpgsqlDataSource dataSource, Guid id)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT sent_at IS NOT NULL, failed_at IS NOT NULL, attempts, failure FROM bridge_inbound_outbox WHERE message_id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3));
    }
}
