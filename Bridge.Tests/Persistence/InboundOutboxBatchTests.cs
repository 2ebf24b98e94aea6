using Bridge.Contracts;
using Bridge.Contracts.Messages;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Tests.Infrastructure;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>
/// Issue 12 R4: a document that maps to many messages (a 20,000-row stock export) is taken into the inbound outbox in
/// one transaction, in batches — every row or none, each repeat still answered as a duplicate, in the document's order.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InboundOutboxBatchTests
{
    static BinLevelReported Reading(int n, string location = "LS-07") => new()
    {
        MessageId = Guid.NewGuid(), CorrelationId = location, Source = "test", OccurredAt = DateTimeOffset.UnixEpoch.AddSeconds(n),
        Location = location, Material = "A-100", Value = n, Unit = "kg",
    };

    [Fact]
    public async Task PublishAll_ManyBatches_TakesEveryRowOnce_AndAnswersRepeatsAsDuplicates_InOrder()
    {
        if (TestServers.Postgres is null)
            return;
        await using var dataSource = await TestDatabase.CreateAsync(TestServers.Postgres);
        var publisher = new PostgresInboundPublisher(dataSource, new InboundOutboxSignal(), TimeProvider.System);
        var earlier = Reading(0);
        await publisher.PublishAsync(earlier, CancellationToken.None);
        var messages = Enumerable.Range(1, PostgresInboundPublisher.BatchSize * 2 + 7).Select(n => (ICanonicalMessage)Reading(n)).ToList();
        messages.Insert(3, earlier);
        messages.Add(messages[700]);

        var results = await publisher.PublishAllAsync(messages, CancellationToken.None);

        results.Select(r => r.MessageId).ShouldBe(messages.Select(m => m.MessageId));
        results.Count(r => r.IsDuplicate).ShouldBe(2);
        results[3].IsDuplicate.ShouldBeTrue("a message taken before is a duplicate");
        results[^1].IsDuplicate.ShouldBeTrue("a row repeated inside the document is a duplicate");
        results[700].IsDuplicate.ShouldBeFalse();
        var stored = await OrderedIdsAsync(dataSource, messages);
        stored.Count.ShouldBe(messages.Count - 1);
        stored.ShouldBe(messages.Select(m => m.MessageId).Distinct().Where(id => id != earlier.MessageId).Prepend(earlier.MessageId),
            "the relay publishes by created_at: the document's order must survive");
    }

    [Fact]
    public async Task PublishAll_ARowTheDatabaseRefuses_TakesNoneOfTheDocument()
    {
        if (TestServers.Postgres is null)
            return;
        await using var dataSource = await TestDatabase.CreateAsync(TestServers.Postgres);
        var publisher = new PostgresInboundPublisher(dataSource, new InboundOutboxSignal(), TimeProvider.System);
        var messages = Enumerable.Range(1, PostgresInboundPublisher.BatchSize + 100).Select(n => (ICanonicalMessage)Reading(n)).ToList();
        // jsonb cannot hold U+0000 (the ingestor's MappedValueRules refuse it first; here the store is the last line).
        messages[PostgresInboundPublisher.BatchSize + 50] = Reading(0, "LS-\0");

        await Should.ThrowAsync<PostgresException>(() => publisher.PublishAllAsync(messages, CancellationToken.None));

        (await OrderedIdsAsync(dataSource, messages)).ShouldBeEmpty("a document is taken whole or not at all; the sender sends it again");
    }

    /// <summary>The rows of these messages (the database is shared with other tests), in the relay's order.</summary>
    static async Task<List<Guid>> OrderedIdsAsync(NpgsqlDataSource dataSource, IEnumerable<ICanonicalMessage> messages)
    {
        await using var command = dataSource.CreateCommand("SELECT message_id FROM bridge_inbound_outbox WHERE message_id = ANY(@ids) ORDER BY created_at, message_id");
        command.Parameters.AddWithValue("ids", messages.Select(m => m.MessageId).Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }
}
