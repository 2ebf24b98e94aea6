using Bridge.Contracts.Messages;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Persistence.TestSaga;

namespace Bridge.Tests.Persistence;

[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InboundOutboxTests
{
    [Fact]
    public async Task RepeatedMessageId_IsDuplicate_AndRelayDeliversAcceptedRowAfterRestart()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        await using var dataSource = await TestDatabase.CreateAsync(TestServers.Postgres);
        // Accepted while no host runs: the row is all there is, as after a crash between accept and publish.
        var publisher = new PostgresInboundPublisher(dataSource, new InboundOutboxSignal(), TimeProvider.System);
        var message = new BinLevelReported
        {
            MessageId = Guid.NewGuid(), CorrelationId = "LS-07", Source = "mqtt", OccurredAt = DateTimeOffset.UtcNow,
            Location = "LS-07", Material = "A-100", Value = 12.125m, Unit = "kg",
        };

        var unreadable = Guid.NewGuid();
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO bridge_inbound_outbox (message_id, message_type, body, created_at) VALUES (@id, 'Gone.Type, Gone', '{}', now() - interval '1 minute')"))
        {
            insert.Parameters.AddWithValue("id", unreadable);
            await insert.ExecuteNonQueryAsync();
        }

        (await publisher.PublishAsync(message, CancellationToken.None)).Outcome.ShouldBe(InboundPublishOutcome.Accepted);
        (await publisher.PublishAsync(message with { Value = 99m }, CancellationToken.None)).IsDuplicate.ShouldBeTrue();

        var received = new ReceivedMessages();
        using var host = await CounterSagaHost.StartProduction(received);
        var got = await received.WaitFor<BinLevelReported>(m => m.MessageId == message.MessageId, TimeSpan.FromSeconds(30));
        got.Value.ShouldBe(12.125m);
        got.Material.ShouldBe("A-100");
        received.MessageIdsOf<BinLevelReported>().ShouldContain(message.MessageId, "the bus MessageId must be the canonical MessageId");

        await using var sent = dataSource.CreateCommand("SELECT sent_at IS NOT NULL FROM bridge_inbound_outbox WHERE message_id = @id");
        sent.Parameters.AddWithValue("id", message.MessageId);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(bool)(await sent.ExecuteScalarAsync())! && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        ((bool)(await sent.ExecuteScalarAsync())!).ShouldBeTrue();

        // A row no host can read is kept, marked, with a reason naming the type; it does not hold up the others.
        await using (var failed = dataSource.CreateCommand("SELECT failed_at IS NOT NULL, failure, sent_at IS NULL FROM bridge_inbound_outbox WHERE message_id = @id"))
        {
            failed.Parameters.AddWithValue("id", unreadable);
            await using var reader = await failed.ExecuteReaderAsync();
            (await reader.ReadAsync()).ShouldBeTrue();
            reader.GetBoolean(0).ShouldBeTrue();
            reader.GetString(1).ShouldContain("'Gone.Type, Gone' cannot be loaded");
            reader.GetBoolean(2).ShouldBeTrue();
        }

        // Through the host's own publisher: a repeat is still a duplicate and nothing is published twice.
        var hostPublisher = (IInboundPublisher)host.Services.GetService(typeof(IInboundPublisher))!;
        (await hostPublisher.PublishAsync(message, CancellationToken.None)).IsDuplicate.ShouldBeTrue();
        await Task.Delay(1500);
        received.Of<BinLevelReported>().Count(m => m.MessageId == message.MessageId).ShouldBe(1);
        await host.StopAsync();
    }
}
