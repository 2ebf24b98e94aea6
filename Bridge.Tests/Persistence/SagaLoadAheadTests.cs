using System.Collections.Concurrent;
using System.Diagnostics;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>
/// A saga event's instance is loaded in the round trip that locks the consume's inbox row (<see cref="SagaLoadAhead{TSaga}"/>),
/// and the unit of work hands that row to the repository once, for that instance only.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SagaLoadAheadTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    static readonly string Table = SagaTable.NameFor(typeof(CounterState));

    [Fact]
    public async Task SagaEvent_LoadsItsInstanceInTheInboxLocksRoundTrip_AndTheEventStillCounts()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        using var host = await CounterSagaHost.StartProduction();
        var bus = host.Services.GetRequiredService<IBus>();
        var (id, _) = await SagaWait.StartActive(host, "ahead", 600, Wait);

        using var commands = new NpgsqlCommandTexts();
        var messageId = NewId.NextGuid();
        await bus.Publish(new IncrementCounter(id, 3m), c => c.MessageId = messageId);
        var consumerType = await ConsumerTypeWhenDelivered(messageId);
        var texts = commands.Texts;

        consumerType.ShouldBe(host.Services.GetServices<ISagaLoadAhead>().Single().ConsumerType,
            "the outbox names the saga's consumer as the load ahead does, or no load is ever added");
        texts.ShouldContain(t => t.Contains("INSERT INTO bridge_inbox", StringComparison.Ordinal) && t.Contains($"FROM {Table} WHERE id", StringComparison.Ordinal),
            "the instance is loaded in the batch that locks the inbox row");
        (await SagaWait.Until(host, id, s => s.Count == 1, Wait)).Total.ShouldBe(3m);
        await host.StopAsync();
    }

    [Fact]
    public async Task RowLoadedAhead_IsHandedOnceAndOnlyForItsInstance_AndNotAfterTheTransaction()
    {
        if (TestServers.Postgres is null)
            return;
        await using var dataSource = NpgsqlDataSource.Create(TestServers.Postgres);
        await using var unitOfWork = new PostgresUnitOfWork(dataSource);
        var id = Guid.NewGuid();
        var row = new SagaRowLoadedAhead(Table, id, 4, "{}");
        Should.Throw<InvalidOperationException>(() => unitOfWork.KeepLoadedAhead(row), "only inside a transaction");

        await unitOfWork.BeginAsync(CancellationToken.None);
        unitOfWork.KeepLoadedAhead(row);
        unitOfWork.TakeLoadedAhead(Table, Guid.NewGuid()).ShouldBeNull("another instance is loaded, not handed this row");
        unitOfWork.TakeLoadedAhead(Table, id).ShouldBeNull("a take of another instance dropped it");

        unitOfWork.KeepLoadedAhead(row);
        unitOfWork.TakeLoadedAhead("saga_other", id).ShouldBeNull("another saga's table");
        unitOfWork.KeepLoadedAhead(row);
        unitOfWork.TakeLoadedAhead(Table, id).ShouldBe(row);
        unitOfWork.TakeLoadedAhead(Table, id).ShouldBeNull("a second load reads the row afresh");

        unitOfWork.KeepLoadedAhead(row);
        await unitOfWork.CommitAsync(CancellationToken.None);
        await unitOfWork.BeginAsync(CancellationToken.None);
        unitOfWork.TakeLoadedAhead(Table, id).ShouldBeNull("a row of a committed transaction");
        unitOfWork.KeepLoadedAhead(row);
        await unitOfWork.RollbackAsync();
        await unitOfWork.BeginAsync(CancellationToken.None);
        unitOfWork.TakeLoadedAhead(Table, id).ShouldBeNull("a row of a rolled-back transaction");
        await unitOfWork.RollbackAsync();
    }

    static async Task<string> ConsumerTypeWhenDelivered(Guid messageId)
    {
        await using var dataSource = NpgsqlDataSource.Create(TestServers.Postgres!);
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = dataSource.CreateCommand(
                "SELECT consumer_type FROM bridge_inbox WHERE message_id = @id AND consumed_at IS NOT NULL");
            command.Parameters.AddWithValue("id", messageId);
            if (await command.ExecuteScalarAsync() is string type)
                return type;
            await Task.Delay(50);
        }

        throw new TimeoutException($"Message {messageId} was not consumed within {Wait.TotalSeconds} s.");
    }

    /// <summary>The text of every command Npgsql runs in this process while it lives (its tracing activities).</summary>
    sealed class NpgsqlCommandTexts : IDisposable
    {
        readonly ActivityListener _listener;
        readonly ConcurrentQueue<string> _texts = new();

        public NpgsqlCommandTexts()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity => _texts.Enqueue(string.Join('\n', activity.TagObjects.Select(t => t.Value?.ToString()))),
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<string> Texts => [.. _texts];

        public void Dispose() => _listener.Dispose();
    }
}
