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
        var mes = new ProbeSender();
        var wms = new ProbeSender { Failure = new HttpRequestException("503 Service Unavailable") };
        await using var app = await StartAsync(mes, wms);
        var delivered = Delivered();

        await app.Services.GetRequiredService<IBus>().Publish(delivered);
        // Each attempt calls mes (until it took the message) before wms-a: after wms-a's third call, mes has its final count.
        for (var i = 0; i < 600 && wms.Calls.Count < 3; i++)
            await Task.Delay(50);

        wms.Calls.Count.ShouldBe(3, "the first delivery and the endpoint's two retries");
        wms.Calls.ShouldAllBe(c => c.IdempotencyKey == $"{delivered.MessageId:N}-wms-a");
        mes.Calls.ShouldHaveSingleItem().IdempotencyKey.ShouldBe($"{delivered.MessageId:N}-mes");
        await app.StopAsync();
    }

    [Fact]
    public async Task SlowReceiver_HoldsNoDatabaseTransaction_WhileItIsCalled()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        var mes = new ProbeSender { Barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var wms = new ProbeSender();
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

    /// <summary>MaterialDelivered goes to mes and (in this copy of the config) to wms-a, each through a probe sender.</summary>
    private async Task<WebApplication> StartAsync(ProbeSender mes, ProbeSender wms, string? database = null)
    {
        var systems = Path.Combine(_config, "systems.yaml");
        var yaml = File.ReadAllText(systems)
            .Replace("send: { adapter: http, instance: default, baseUrl: \"http://127.0.0.1:5091\" }", "send: { adapter: probe, instance: mes }")
            .Replace("send: { adapter: http, instance: default, baseUrl: \"http://127.0.0.1:5092\" }", "send: { adapter: probe, instance: wms }")
            .Replace("receives: [PickOrderIssued, PickOrderCancelled]\n  wms-b", "receives: [PickOrderIssued, PickOrderCancelled, MaterialDelivered]\n  wms-b");
        yaml.ShouldContain("MaterialDelivered]\n  wms-b");
        File.WriteAllText(systems, yaml);
        var mapping = File.ReadAllText(Path.Combine(_config, "mappings", "mes", "material-delivered.yaml"))
            .Replace("name: mes-material-delivered", "name: wms-a-material-delivered").Replace("system: mes", "system: wms-a");
        File.WriteAllText(Path.Combine(_config, "mappings", "wms-a", "material-delivered.yaml"), mapping);

        var app = BridgeApplication.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Bridge:ConfigDir"] = _config,
                ["Bridge:Mode"] = "Production",
                ["Bridge:RabbitMqUri"] = TestServers.CreateVirtualHostAsync("outbound").GetAwaiter().GetResult(),
                ["Bridge:PostgresConnectionString"] = database ?? TestServers.CreateDatabaseAsync("outbound").GetAwaiter().GetResult(),
                ["Bridge:JobPollInterval"] = "00:00:00.100",
                ["Serilog:MinimumLevel:Default"] = "Error",
            });
            b.Services.AddKeyedSingleton<IEnvelopeSender>(AdapterKey.For("probe", "mes"), mes);
            b.Services.AddKeyedSingleton<IEnvelopeSender>(AdapterKey.For("probe", "wms"), wms);
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>A simulated receiver: records each call; may fail every call or hold each call at a barrier.</summary>
    private sealed class ProbeSender : IEnvelopeSender
    {
        public ConcurrentQueue<OutboundEnvelope> Calls { get; } = new();

        public Exception? Failure { get; init; }

        public TaskCompletionSource? Barrier { get; init; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(OutboundEnvelope envelope, CancellationToken ct)
        {
            Calls.Enqueue(envelope);
            Entered.TrySetResult();
            if (Barrier is not null)
                await Barrier.Task.WaitAsync(ct);
            if (Failure is not null)
                throw Failure;
            Completed.TrySetResult();
        }
    }
}
