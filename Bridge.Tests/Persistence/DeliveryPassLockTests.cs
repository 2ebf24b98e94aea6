using Bridge.Tests.Infrastructure;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>
/// A consume that sent messages commits, and its delivery pass begins, locks the inbox row and loads the rows to send,
/// in one round trip (<c>PostgresUnitOfWork.CommitAndBeginAsync</c>); the delivery is as before: each message sent once,
/// the inbox marked delivered, the rows removed.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DeliveryPassLockTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ConsumeThatSends_CommitsAndLocksItsDeliveryPassInOneRoundTrip_AndDeliversOnce()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        var received = new ReceivedMessages();
        using var host = await CounterSagaHost.StartProduction(received);
        var bus = host.Services.GetRequiredService<IBus>();
        var id = Guid.NewGuid();
        await bus.Publish(new StartCounter(id, "delivery-pass", 600));
        await SagaWait.Until(host, id, s => s.CurrentState == "Active", Wait);

        using var commands = new NpgsqlCommandTexts();
        var messageId = NewId.NextGuid();
        await bus.Publish(new CompleteCounter(id), c => c.MessageId = messageId);
        await received.WaitFor<CounterCompleted>(m => m.CorrelationId == id, Wait);
        var delivered = await DeliveredAt(messageId);
        var texts = commands.Texts;

        texts.ShouldContain(t => CommitThenLock(t), "the consume's commit begins the delivery pass and locks its inbox row in the same batch");
        delivered.ShouldNotBeNull("the delivery pass marked the inbox delivered");
        await using (var dataSource = NpgsqlDataSource.Create(TestServers.Postgres))
        await using (var rows = dataSource.CreateCommand("SELECT count(*) FROM bridge_outbox_message WHERE inbox_message_id = @id"))
        {
            rows.Parameters.AddWithValue("id", messageId);
            ((long)(await rows.ExecuteScalarAsync())!).ShouldBe(0, "the sent rows are removed");
        }

        await host.StopAsync();
        received.Of<CounterCompleted>().Count(m => m.CorrelationId == id).ShouldBe(1, "sent once");
    }

    static bool CommitThenLock(string text)
    {
        var commit = text.IndexOf("COMMIT", StringComparison.Ordinal);
        var begin = text.IndexOf("BEGIN ISOLATION LEVEL READ COMMITTED", StringComparison.Ordinal);
        var lockInbox = text.LastIndexOf("INSERT INTO bridge_inbox", StringComparison.Ordinal);
        var load = text.LastIndexOf("FROM bridge_outbox_message", StringComparison.Ordinal);
        return commit >= 0 && begin > commit && lockInbox > begin && load > lockInbox;
    }

    static async Task<DateTime?> DeliveredAt(Guid messageId)
    {
        await using var dataSource = NpgsqlDataSource.Create(TestServers.Postgres!);
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = dataSource.CreateCommand("SELECT delivered_at FROM bridge_inbox WHERE message_id = @id AND delivered_at IS NOT NULL");
            command.Parameters.AddWithValue("id", messageId);
            if (await command.ExecuteScalarAsync() is DateTime at)
                return at;
            await Task.Delay(50);
        }

        return null;
    }
}
