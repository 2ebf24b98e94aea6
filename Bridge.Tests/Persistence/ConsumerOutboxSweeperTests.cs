using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>
/// Issue 13 point 14 (tail): a consume that committed its stored messages and whose own delivery of them then failed
/// (here a hook makes every delivery pass of one message throw, so the input ends in <c>_error</c>) does not leave them
/// stranded: the consumer-outbox sweeper sends each stored message once — also with two sweepers at once — and parks
/// one it cannot send after its attempts, with a reason, while the others flow. Real RabbitMQ and PostgreSQL, each test
/// on its own virtual host and database.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ConsumerOutboxSweeperTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // On a loaded machine a database call of the failing receive can itself time out; that counts as the database being
    // away, which an endpoint waits out for about two minutes (DatabaseOutage) before the input reaches _error. (The waits
    // once seen to run out, at 150 s and at 240 s, were the host's late start sweep: see StartHostAsync.)
    static readonly TimeSpan ErrorWait = TimeSpan.FromSeconds(240);

    [Fact]
    public async Task DeliveryFailingAfterTheConsumeCommitted_InputInError_TheSweeperSendsTheStoredMessageOnce()
    {
        if (!TestServers.Available)
            return;
        var (host, received, rabbit) = await StartHostAsync("strand");
        using var _ = host;
        var id = Guid.NewGuid();
        var complete = await StrandCompletionAsync(host, id);

        await InputShouldReachErrorAsync(host, rabbit, id, complete);
        (await SagaWait.Until(host, id, s => s.CurrentState == "Done", Wait)).Count.ShouldBe(0, "the consume itself committed");
        received.Of<CounterCompleted>().ShouldNotContain(m => m.CorrelationId == id, "its delivery never happened");
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        (await StoredRows(dataSource, complete)).Count.ShouldBe(2, "the timeout's cancellation and the published CounterCompleted are stored and stranded");

        var sweeper = Sweeper(host);
        (await sweeper.SweepOnceAsync(CancellationToken.None)).ShouldBe(2);

        await received.WaitFor<CounterCompleted>(m => m.CorrelationId == id, Wait);
        (await StoredRows(dataSource, complete)).ShouldBeEmpty();
        (await InboxDelivered(dataSource, complete)).ShouldBeTrue("a later redelivery of the input finds its messages delivered and sends nothing again");
        (await sweeper.SweepOnceAsync(CancellationToken.None)).ShouldBe(0, "a sent message is never swept again");
        received.Of<CounterCompleted>().Count(m => m.CorrelationId == id).ShouldBe(1);
        await host.StopAsync();
    }

    /// <summary>Found by the soak: such a receive delivered the stored messages but was then moved to <c>_skipped</c>.</summary>
    [Fact]
    public async Task InputMovedBackFromErrorBeforeASweep_SendsTheStoredMessageOnce_AndIsConsumed_NotSkipped()
    {
        if (!TestServers.Available)
            return;
        var (host, received, rabbit) = await StartHostAsync("moveback");
        using var _ = host;
        var id = Guid.NewGuid();
        var complete = await StrandCompletionAsync(host, id);
        await InputShouldReachErrorAsync(host, rabbit, id, complete);
        // The cause is fixed and an operator moves the input back (the same message, the same MessageId) before any sweep.
        host.Services.GetRequiredService<OutboxDeliveryHooks>().BeforeConsumerDelivery = null;
        await host.Services.GetRequiredService<IBus>().Publish(new CompleteCounter(id), c => c.MessageId = complete);

        await received.WaitFor<CounterCompleted>(m => m.CorrelationId == id, Wait);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        // The message can reach its consumer before the receive that sent it commits the rows' deletion.
        var deadline = DateTime.UtcNow + Wait;
        while ((await StoredRows(dataSource, complete)).Count > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        (await StoredRows(dataSource, complete)).ShouldBeEmpty();
        (await InboxDelivered(dataSource, complete)).ShouldBeTrue();
        (await ErrorQueue.ContainsAsync(rabbit, "bridge-counter-state_skipped", id.ToString(), TimeSpan.FromSeconds(5)))
            .ShouldBeFalse("the receive that only delivered the stored messages counts as consumed");
        (await Sweeper(host).SweepOnceAsync(CancellationToken.None)).ShouldBe(0);
        received.Of<CounterCompleted>().Count(m => m.CorrelationId == id).ShouldBe(1);
        await host.StopAsync();
    }

    /// <summary>
    /// Found by two hosts sweeping with no grace period: a consumer's delivery pass commits what it sent (the inbox row's
    /// last_sequence_number) before a later pass deletes the rows; a sweep in between sent them a second time.
    /// </summary>
    [Fact]
    public async Task RowsTheConsumerAlreadySent_NotYetRemoved_AreNotSweptAgain()
    {
        if (!TestServers.Available)
            return;
        var (host, received, rabbit) = await StartHostAsync("sentrows");
        using var _ = host;
        var id = Guid.NewGuid();
        var complete = await StrandCompletionAsync(host, id);
        await InputShouldReachErrorAsync(host, rabbit, id, complete);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        (await StoredRows(dataSource, complete)).Count.ShouldBe(2);
        // The state between a delivery pass that sent both rows (and committed) and the pass that removes them.
        await using (var command = dataSource.CreateCommand("""
            UPDATE bridge_inbox i SET last_sequence_number = (SELECT max(sequence_number) FROM bridge_outbox_message o WHERE o.inbox_message_id = i.message_id)
            WHERE i.message_id = @id
            """))
        {
            command.Parameters.AddWithValue("id", complete);
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        (await Sweeper(host).SweepOnceAsync(CancellationToken.None)).ShouldBe(0);
        received.Of<CounterCompleted>().ShouldNotContain(m => m.CorrelationId == id);
        await host.StopAsync();
    }

    [Fact]
    public async Task TwoSweepersAtOnce_SendAStoredMessageOnce()
    {
        if (!TestServers.Available)
            return;
        var (host, received, rabbit) = await StartHostAsync("sweep2");
        using var __ = host;
        var id = Guid.NewGuid();
        var complete = await StrandCompletionAsync(host, id);
        await InputShouldReachErrorAsync(host, rabbit, id, complete);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        (await StoredRows(dataSource, complete)).Count.ShouldBe(2);

        // Sweeper A claims the row and is held inside its send; sweeper B runs meanwhile.
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hooks = host.Services.GetRequiredService<OutboxDeliveryHooks>();
        hooks.BeforeSweeperSend = async _ =>
        {
            inside.TrySetResult();
            await release.Task;
        };
        var first = Sweeper(host);
        var second = Sweeper(host, new OutboxDeliveryHooks());

        var firstSweep = first.SweepOnceAsync(CancellationToken.None);
        await inside.Task.WaitAsync(Wait);
        (await second.SweepOnceAsync(CancellationToken.None)).ShouldBe(0, "the row is locked by the first sweeper: skipped, not sent twice");
        release.SetResult();
        (await firstSweep).ShouldBe(2);
        (await second.SweepOnceAsync(CancellationToken.None)).ShouldBe(0, "deleted in the commit after its send");

        await received.WaitFor<CounterCompleted>(m => m.CorrelationId == id, Wait);
        // A marker sent after the swept message on the same path: once it arrives, a second copy would have too.
        var marker = Guid.NewGuid();
        await host.Services.GetRequiredService<IBus>().Publish(new CounterCompleted(marker, -1));
        await received.WaitFor<CounterCompleted>(m => m.CorrelationId == marker, Wait);
        received.Of<CounterCompleted>().Count(m => m.CorrelationId == id).ShouldBe(1);
        await host.StopAsync();
    }

    [Fact]
    public async Task StoredMessageThatCannotBeSent_IsParkedAfterItsAttempts_WithItsReason_WhileTheOthersFlow()
    {
        if (!TestServers.Available)
            return;
        var (host, received, rabbit) = await StartHostAsync("park");
        using var __ = host;
        var poisonSaga = Guid.NewGuid();
        var goodSaga = Guid.NewGuid();
        var poisonInput = await StrandCompletionAsync(host, poisonSaga);
        var goodInput = await StrandCompletionAsync(host, goodSaga);
        // Once both inputs are in _error, no retry holds their receipts any more.
        (await ErrorQueue.ContainsAsync(rabbit, "bridge-counter-state_error", poisonSaga.ToString(), Wait)).ShouldBeTrue();
        (await ErrorQueue.ContainsAsync(rabbit, "bridge-counter-state_error", goodSaga.ToString(), Wait)).ShouldBeTrue();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        (await StoredRows(dataSource, goodInput)).Count.ShouldBe(2);
        // The receipt's first stored message (the timeout's cancellation) cannot be sent; its CounterCompleted comes after it.
        var stored = await StoredRows(dataSource, poisonInput);
        stored.Count.ShouldBe(2);
        var poison = stored[0].MessageId;
        host.Services.GetRequiredService<OutboxDeliveryHooks>().BeforeSweeperSend =
            messageId => messageId == poison ? throw new InvalidOperationException("the broker refused this one") : Task.CompletedTask;
        var sweeper = Sweeper(host);

        (await sweeper.SweepOnceAsync(CancellationToken.None)).ShouldBe(2, "the other receipt's messages flow in the same sweep");
        stored = await StoredRows(dataSource, poisonInput);
        stored[0].ShouldBe(stored[0] with { Attempts = 1, Parked = false, Failure = "send failed (1 of 5): InvalidOperationException: the broker refused this one" });
        stored.Count.ShouldBe(2, "the receipt's later message waits behind the failing one: order kept");
        for (var sweep = 2; sweep < ConsumerOutboxSweeper.MaxSendAttempts; sweep++)
            (await sweeper.SweepOnceAsync(CancellationToken.None)).ShouldBe(0);
        (await StoredRows(dataSource, poisonInput)).Count.ShouldBe(2);

        (await sweeper.SweepOnceAsync(CancellationToken.None)).ShouldBe(1, "parked at its last attempt, the row no longer holds back the one after it");
        var parked = (await StoredRows(dataSource, poisonInput)).ShouldHaveSingleItem();
        parked.MessageId.ShouldBe(poison);
        parked.Parked.ShouldBeTrue();
        parked.Failure!.ShouldContain("(5 of 5)");
        (await sweeper.SweepOnceAsync(CancellationToken.None)).ShouldBe(0, "a parked row is no longer tried");
        (await InboxDelivered(dataSource, poisonInput)).ShouldBeTrue("nothing unparked is left for that receipt");
        await received.WaitFor<CounterCompleted>(m => m.CorrelationId == goodSaga, Wait);
        await received.WaitFor<CounterCompleted>(m => m.CorrelationId == poisonSaga, Wait);

        // An operator who fixed the cause clears parked_at: the row is sent, once.
        host.Services.GetRequiredService<OutboxDeliveryHooks>().BeforeSweeperSend = null;
        await using (var unpark = dataSource.CreateCommand("UPDATE bridge_outbox_message SET parked_at = NULL, attempts = 0 WHERE message_id = @id"))
        {
            unpark.Parameters.AddWithValue("id", poison);
            await unpark.ExecuteNonQueryAsync();
        }

        (await sweeper.SweepOnceAsync(CancellationToken.None)).ShouldBe(1);
        (await StoredRows(dataSource, poisonInput)).ShouldBeEmpty();
        (await sweeper.SweepOnceAsync(CancellationToken.None)).ShouldBe(0);
        received.Of<CounterCompleted>().Count(m => m.CorrelationId == goodSaga).ShouldBe(1);
        received.Of<CounterCompleted>().Count(m => m.CorrelationId == poisonSaga).ShouldBe(1);
        await host.StopAsync();
    }

    /// <summary>
    /// A production host on a fresh virtual host and database. Its own sweeper waits the default grace period and then an
    /// hour: with no grace period its sweep at start, which runs when the thread pool gets to it, could send a stranded
    /// input's rows between two of its retries, so the input was consumed and never reached <c>_error</c> (CI, session 10).
    /// </summary>
    static async Task<(IHost Host, ReceivedMessages Received, string Rabbit)> StartHostAsync(string purpose)
    {
        var rabbit = await TestServers.CreateVirtualHostAsync(purpose);
        var postgres = await TestServers.CreateDatabaseAsync(purpose);
        var received = new ReceivedMessages();
        var host = CounterSagaHost.Build(BridgeMode.Production, rabbit, postgres, received, new Dictionary<string, string?>
        {
            ["Bridge:ConsumerOutboxSweepInterval"] = "01:00:00",
        });
        await host.StartAsync();
        return (host, received, rabbit);
    }

    /// <summary>A sweeper of the host's database and bus with no grace period, swept only when a test says so.</summary>
    static ConsumerOutboxSweeper Sweeper(IHost host, OutboxDeliveryHooks? hooks = null) =>
        new(host.Services.GetRequiredService<NpgsqlDataSource>(), host.Services.GetRequiredService<IBusControl>(),
            hooks ?? host.Services.GetRequiredService<OutboxDeliveryHooks>(),
            Options.Create(new BridgeMessagingOptions { ConsumerOutboxGracePeriod = TimeSpan.Zero }), TimeProvider.System,
            NullLogger<ConsumerOutboxSweeper>.Instance);

    /// <summary>Starts a counter, then completes it with every delivery pass of the completion failing; returns the completion's MessageId.</summary>
    static async Task<Guid> StrandCompletionAsync(IHost host, Guid id)
    {
        var bus = host.Services.GetRequiredService<IBus>();
        await bus.Publish(new StartCounter(id, "stranded", 600));
        var token = (await SagaWait.Until(host, id, s => s.CurrentState == "Active", Wait)).TimeoutTokenId!.Value;
        // As if Hangfire held the timeout (scheduled before timeouts were rows of the saga's transaction): its cancel is
        // then a stored message for the scheduler queue, so the completion stores two — the cancel, then CounterCompleted.
        await using (var unstore = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("DELETE FROM bridge_scheduled_message WHERE token_id = @token"))
        {
            unstore.Parameters.AddWithValue("token", token);
            (await unstore.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var complete = NewId.NextGuid();
        var hooks = host.Services.GetRequiredService<OutboxDeliveryHooks>();
        var earlier = hooks.BeforeConsumerDelivery;
        hooks.BeforeConsumerDelivery = async key =>
        {
            if (earlier is not null)
                await earlier(key);
            if (key.MessageId != complete)
                return;
            FailedPassLog.Enqueue((complete, DateTime.UtcNow));
            throw new InvalidOperationException("broker unreachable after the commit (test hook)");
        };
        await bus.Publish(new CompleteCounter(id), c => c.MessageId = complete);
        return complete;
    }

    /// <summary>
    /// Waits for the stranded input in the saga endpoint's <c>_error</c> queue. CI once waited 240 s in vain (session 10's
    /// stop); a failure now says what the receive did: its failed delivery passes, its inbox row and the queues' depths.
    /// </summary>
    static async Task InputShouldReachErrorAsync(IHost host, string rabbit, Guid id, Guid complete)
    {
        if (await ErrorQueue.ContainsAsync(rabbit, "bridge-counter-state_error", id.ToString(), ErrorWait))
            return;
        var report = new System.Text.StringBuilder($"the input {complete} of saga {id} did not reach bridge-counter-state_error within {ErrorWait}.");
        report.Append(" Failed delivery passes at: ").AppendJoin(", ", FailedPasses(complete).Select(t => t.ToString("HH:mm:ss.fff")));
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var command = dataSource.CreateCommand(
            "SELECT receive_count, consumed_at, delivered_at, last_sequence_number FROM bridge_inbox WHERE message_id = @id"))
        {
            command.Parameters.AddWithValue("id", complete);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                report.Append($". Inbox: received {reader.GetInt32(0)}, consumed {reader.GetValue(1)}, delivered {reader.GetValue(2)}, last sent {reader.GetValue(3)}");
        }

        report.Append($". Stored rows: {(await StoredRows(dataSource, complete)).Count}. Queues:");
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(rabbit) };
        await using var connection = await factory.CreateConnectionAsync();
        foreach (var queue in new[] { "bridge-counter-state", "bridge-counter-state_error", "bridge-counter-state_skipped" })
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                var declared = await channel.QueueDeclarePassiveAsync(queue);
                report.Append($" {queue} {declared.MessageCount} ready, {declared.ConsumerCount} consumers;");
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                report.Append($" {queue} absent;");
            }
        }

        throw new Shouldly.ShouldAssertException(report.ToString());
    }

    /// <summary>When the test hook failed a delivery pass, by input MessageId (MessageIds are unique across tests).</summary>
    static readonly System.Collections.Concurrent.ConcurrentQueue<(Guid MessageId, DateTime At)> FailedPassLog = new();

    static IEnumerable<DateTime> FailedPasses(Guid messageId) => FailedPassLog.Where(p => p.MessageId == messageId).Select(p => p.At);

    sealed record StoredRow(Guid MessageId, int Attempts, bool Parked, string? Failure);

    static async Task<List<StoredRow>> StoredRows(NpgsqlDataSource dataSource, Guid inboxMessageId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT message_id, attempts, parked_at IS NOT NULL, failure FROM bridge_outbox_message WHERE inbox_message_id = @id ORDER BY sequence_number");
        command.Parameters.AddWithValue("id", inboxMessageId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync())
            rows.Add(new StoredRow(reader.GetGuid(0), reader.GetInt32(1), reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return rows;
    }

    static async Task<bool> InboxDelivered(NpgsqlDataSource dataSource, Guid messageId)
    {
        await using var command = dataSource.CreateCommand("SELECT bool_and(delivered_at IS NOT NULL) FROM bridge_inbox WHERE message_id = @id");
        command.Parameters.AddWithValue("id", messageId);
        return await command.ExecuteScalarAsync() is true;
    }
}
