using System.Text.Json.Nodes;
using Bridge.Host.Demo;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Bridge.Tests.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Bridge.Tests.Integration.InboundCalls;

namespace Bridge.Tests.ScaleOut;

/// <summary>
/// Two Bridge hosts (each its own bus and service provider) on one RabbitMQ virtual host and one PostgreSQL database, as
/// competing consumers: material requests spread over both end once each, with one pick order and one delivery per request
/// at the receivers; the reservations add up; the consumer-outbox sweepers of both hosts (sweeping with no grace, racing
/// the consumers' own delivery) send nothing twice; the recurring reconciliation job runs once per occurrence, not once per host.
/// </summary>
[Trait("Category", "Integration")]
[Collection(HostCollection.Name)]
public sealed class CompetingHostsTests
{
    private const int Requests = 24;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoHosts_ShareTheWork_EveryRequestEndsOnce_AndJobsRunOnce()
    {
        if (!TestServers.Available)
            return;
        var rabbit = await TestServers.CreateVirtualHostAsync("competing");
        var postgres = await TestServers.CreateDatabaseAsync("competing");
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        var wms = new SimulatedWarehouse();
        var settings = new Dictionary<string, string?>
        {
            ["Bridge:MaterialRequests:ReconciliationCron"] = "* * * * * *",
            ["Bridge:ConsumerOutboxGracePeriod"] = "00:00:00",
            ["Bridge:ConsumerOutboxSweepInterval"] = "00:00:00.050",
        };
        var started = await Task.WhenAll(
            BridgeTestHost.StartAsync(rabbit, postgres, receivers, settings),
            BridgeTestHost.StartAsync(rabbit, postgres, receivers, settings));
        await using var first = started[0];
        await using var second = started[1];
        BridgeTestHost[] hosts = [first, second];
        var consumptions = hosts.Select(_ => new EndpointConsumptions("bridge-material-request-state")).ToArray();
        for (var i = 0; i < hosts.Length; i++)
            hosts[i].Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumptions[i]);

        await PlantSeed.SeedAsync(first, wms, "000001009001", 1000, stockFactor: 10);
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(i =>
            Accepted(hosts[i % 2].PostAsync("mes", "material-request", DemoPayloads.MaterialRequest($"MR-C-{i:00}", "1009001", 5)))));

        var pickLists = await ReceiveAsync(receivers, "wms-a", Requests);
        pickLists.Select(c => c.IdempotencyKey).Distinct().Count().ShouldBe(Requests);
        // One reservation per request, each holding what one request needs: those of both hosts add up.
        var reservations = await ReservationsAsync(postgres);
        reservations.Select(r => r.Reservation).Distinct().Count().ShouldBe(Requests);
        foreach (var material in reservations.GroupBy(r => r.Material))
            material.Sum(r => r.Quantity).ShouldBe(Requests * material.Min(r => r.Quantity), $"material {material.Key}");

        var confirmations = pickLists.Select(c => wms.Confirm(c.Body).Confirmation).ToList();
        await Task.WhenAll(confirmations.Select((confirmation, i) => Accepted(hosts[i % 2].PostAsync("wms-a", "pick-confirmation", confirmation))));
        var deliveries = await ReceiveAsync(receivers, "mes", Requests);
        deliveries.Select(c => c.Path).Distinct().Count().ShouldBe(Requests);

        await WaitUntilAsync(async () => (await StatesAsync(postgres)).Count(s => s == "Completed") == Requests && await PendingOutboxAsync(postgres) == 0,
            "every request Completed and no stored outbox message left");
        (await StatesAsync(postgres)).ShouldAllBe(s => s == "Completed");
        // Nothing is left to send: a repeated pick order or delivery would already be at the receivers.
        await Should.ThrowAsync<TimeoutException>(() => receivers.NextAsync("wms-a", TimeSpan.FromSeconds(1)));
        await Should.ThrowAsync<TimeoutException>(() => receivers.NextAsync("mes", TimeSpan.FromSeconds(1)));

        consumptions.ShouldAllBe(c => c.MessageIds.Count > 0, "both hosts consumed material request events");
        consumptions[0].MessageIds.Intersect(consumptions[1].MessageIds).ShouldBeEmpty("no event was consumed by both hosts");

        var occurrences = await ReconciliationRunsAsync(postgres);
        occurrences.Count.ShouldBeGreaterThanOrEqualTo(3, "the every-second reconciliation job ran during the test");
        occurrences.Where(o => o.Jobs > 1).ShouldBeEmpty("one job per occurrence, not one per host");
    }

    private static async Task<List<ReceivedCall>> ReceiveAsync(SimulatedSystems receivers, string system, int count)
    {
        var calls = new List<ReceivedCall>();
        while (calls.Count < count)
            calls.Add(await receivers.NextAsync(system, Wait));
        return calls;
    }

    private static async Task<List<(string Reservation, string Material, decimal Quantity)>> ReservationsAsync(string postgres)
    {
        await using var db = NpgsqlDataSource.Create(postgres);
        await using var command = db.CreateCommand("select reservation_id, material, sum(quantity) from stock_reservations group by reservation_id, material");
        var rows = new List<(string, string, decimal)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetDecimal(2)));
        return rows;
    }

    private static async Task<List<string>> StatesAsync(string postgres)
    {
        await using var db = NpgsqlDataSource.Create(postgres);
        await using var command = db.CreateCommand("select state->>'CurrentState' from saga_material_request_state");
        var states = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            states.Add(reader.GetString(0));
        return states;
    }

    private static async Task<long> PendingOutboxAsync(string postgres)
    {
        await using var db = NpgsqlDataSource.Create(postgres);
        await using var command = db.CreateCommand("select count(*) from bridge_outbox_message");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Hangfire's jobs made from the recurring reconciliation job, grouped by the occurrence (its "Time" parameter).</summary>
    private static async Task<List<(string Time, long Jobs)>> ReconciliationRunsAsync(string postgres)
    {
        await using var db = NpgsqlDataSource.Create(postgres);
        await using var command = db.CreateCommand("""
            select t.value, count(*) from hangfire.jobparameter r
            join hangfire.jobparameter t on t.jobid = r.jobid and t.name = 'Time'
            where r.name = 'RecurringJobId' and r.value = @job
            group by t.value
            """);
        command.Parameters.AddWithValue("job", System.Text.Json.JsonSerializer.Serialize(ReservationReconciler.JobId));
        var runs = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            runs.Add((reader.GetString(0), reader.GetInt64(1)));
        return runs;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not within {Wait}: {what}");
            await Task.Delay(100);
        }
    }
}
