using System.Collections.Concurrent;
using Bridge.Adapters.Envelopes;
using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Composition;
using Bridge.Tests.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bridge.Tests.Pipeline;

/// <summary>
/// Issue 13 point 7 on RabbitMQ + PostgreSQL: each (message, receiving system) pair is delivered on its own with a
/// stable Idempotency-Key, a failing system never causes a second copy at the one that took it, and no database
/// transaction is open while a system is being called.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutboundDispatchTests : IDisposable
{
    private readonly string _config = TestConfig.CopyShipped();

    public void Dispose() => Directory.Delete(_config, recursive: true);

    [Fact]
    public async Task TwoReceivers_OneFailing_TheOtherGetsExactlyOneCopy_WithStableIdempotencyKeys()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        var mes = new OutboundProbeSender();
        var wms = new OutboundProbeSender { Failure = new HttpRequestException("503 Service Unavailable") };
        await using var app = await StartAsync(mes, wms);
        var delivered = Delivered();

        await app.Services.GetRequiredService<IBus>().Publish(delivered);
        // Each attempt calls mes (until it took the message) before wms-a; the re-attempts come from the durable schedule.
        await OutboundTestHost.WaitForAsync(() => wms.Calls.Count == 1, "the first delivery reaches wms-a");
        (await OutboundTestHost.FireNextRetryAsync(app)).ShouldBeTrue();
        (await OutboundTestHost.FireNextRetryAsync(app)).ShouldBeTrue();

        wms.Calls.Count.ShouldBe(3, "the first delivery and two scheduled re-attempts");
        wms.Calls.ShouldAllBe(c => c.IdempotencyKey == $"{delivered.MessageId:N}-wms-a");
        mes.Calls.ShouldHaveSingleItem().IdempotencyKey.ShouldBe($"{delivered.MessageId:N}-mes");
        await app.StopAsync();
    }

    [Fact]
    public async Task SlowReceiver_HoldsNoDatabaseTransaction_WhileItIsCalled()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        var mes = new OutboundProbeSender { Barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var wms = new OutboundProbeSender();
        var database = await TestServers.CreateDatabaseAsync("outbound-slow");
        await using var app = await StartAsync(mes, wms, database);

        await app.Services.GetRequiredService<IBus>().Publish(Delivered());
        await mes.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            // The receiver is inside its call: nothing of the host may sit in an open transaction on this database.
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var open = new NpgsqlCommand(
                "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%' and query not ilike '%hangfire%'",
                connection);
            // Other consumers of the same message (projections, line-side levels) commit their own short transactions
            // meanwhile; a transaction held by the dispatcher would stay open until the barrier is released.
            var openTransactions = -1L;
            for (var attempt = 0; attempt < 100 && openTransactions != 0; attempt++)
            {
                if (attempt > 0) await Task.Delay(50);
                openTransactions = (long)(await open.ExecuteScalarAsync())!;
            }

            openTransactions.ShouldBe(0L, "a transaction stayed open for 5 s while the receiver was being called");
        }
        finally
        {
            mes.Barrier.SetResult();
        }

        await wms.Completed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await app.StopAsync();
    }

    private static MaterialDelivered Delivered() => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = "MR-7",
        Source = "bridge",
        OccurredAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
        RequestId = "MR-7",
        OrderId = "PO-1",
        Location = "ST-1",
        Lines = [new MaterialLine { Material = "M-1", Quantity = 2, Unit = "pce" }],
    };

    private Task<WebApplication> StartAsync(OutboundProbeSender mes, OutboundProbeSender wms, string? database = null) =>
        OutboundTestHost.StartAsync(_config, mes, wms, database ?? TestServers.CreateDatabaseAsync("outbound").GetAwaiter().GetResult(),
            TestServers.CreateVirtualHostAsync("outbound").GetAwaiter().GetResult());
}
