using Bridge.Contracts.Messages;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.MaterialRequests.Messages;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Processes.Projections;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Host.Domain.Stock;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using static Bridge.Tests.Orchestration.MaterialRequests.MaterialRequestScenario;

namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>
/// The races of issue 13 made deterministic with gates (<see cref="RaceHooks"/>): a fact that arrives while a request is
/// about to register its wait, and a stock re-check that reserves while the stock-wait timeout ends the request.
/// Production mode runs on the RabbitMQ and PostgreSQL that ./test.sh starts.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MaterialRequestRaceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(BridgeMode.Embedded)]
    [InlineData(BridgeMode.Production)]
    public async Task OrderArrivesBeforeTheWaitForItCommits_StillWakesTheRequest(BridgeMode mode)
    {
        await RunAsync(mode, "order-race", null, async (host, hooks) =>
        {

        await SeedStockAsync(host, ("A-100", 20m, "pcs"), ("B-200", 6m, "kg"));
        hooks.BeforeWait.Arm();
        await host.Services.GetRequiredService<IBus>().Publish(Request("REQ-RACE-1", "ORD-RACE-1"));
        await hooks.BeforeWait.Arrived(Wait);

        // The request saw no order and is about to wait for it; the order arrives and finds no waiter.
        hooks.WaitersLookedUp.Arm();
        await host.Services.GetRequiredService<IBus>().Publish(Order("ORD-RACE-1"));
        await hooks.WaitersLookedUp.Arrived(Wait);
        hooks.BeforeWait.Open();

        (await UntilAsync(host, "REQ-RACE-1", s => s.CurrentState == "Picking")).Picks.Count.ShouldBe(1);
        });
    }

    [Fact]
    public async Task StockArrivesBeforeTheWaitForItIsRegistered_StillWakesTheRequest()
    {
        // Embedded only: in production the request holds the material's stock lock from its kit check to its commit,
        // so the stock change cannot slip in between (it is applied after, and then sees the wait).
        await RunAsync(BridgeMode.Embedded, "stock-race", null, async (host, hooks) =>
        {
        await SeedOrderAsync(host, "ORD-RACE-2");
        await SeedStockAsync(host, ("A-100", 20m, "pcs"));
        hooks.BeforeWait.Arm();
        await host.Services.GetRequiredService<IBus>().Publish(Request("REQ-RACE-2", "ORD-RACE-2"));
        await hooks.BeforeWait.Arrived(Wait);

        hooks.WaitersLookedUp.Arm();
        await host.Services.GetRequiredService<IBus>().Publish(StockLevel("B-200", 6m, "kg"));
        await hooks.WaitersLookedUp.Arrived(Wait);
        hooks.BeforeWait.Open();

        (await UntilAsync(host, "REQ-RACE-2", s => s.CurrentState == "Picking")).Picks.Count.ShouldBe(1);
        });
    }

    [Fact]
    public async Task RecheckReservesWhileTheStockTimeoutEndsTheRequest_NoReservationSurvives()
    {
        await RunAsync(BridgeMode.Production, "timeout-race", new Dictionary<string, string?>
        {
            ["Bridge:MaterialRequests:StockWaitTimeout"] = "00:00:04",
        }, async (host, hooks) =>
        {

        await SeedOrderAsync(host, "ORD-RACE-3");
        await SeedStockAsync(host, ("A-100", 20m, "pcs"));
        var bus = host.Services.GetRequiredService<IBus>();
        await bus.Publish(Request("REQ-RACE-3", "ORD-RACE-3"));
        await UntilAsync(host, "REQ-RACE-3", s => s.CurrentState == "WaitingForStock");

        var rechecks = new ConsumedCounter<RecheckKit>();
        using var observer = bus.ConnectConsumeObserver(rechecks);
        hooks.Reserved.Arm();
        await bus.Publish(StockLevel("B-200", 6m, "kg"));
        await hooks.Reserved.Arrived(Wait);

        // The re-check holds its reservation (uncommitted) while the timeout moves the request to TimedOut.
        await UntilAsync(host, "REQ-RACE-3", s => s.CurrentState == "TimedOut");
        rechecks.Arm();
        hooks.Reserved.Open();
        await rechecks.Consumed(Wait);

        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<IStockView>().ListReservationsAsync(default)).ShouldBeEmpty();
        (await scope.ServiceProvider.GetRequiredService<IStockView>().GetAvailableAsync(["B-200"], default))["B-200"].Sum(s => s.Quantity).ShouldBe(6m);
        (await UntilAsync(host, "REQ-RACE-3", _ => true)).CurrentState.ShouldBe("TimedOut");
        });
    }

    private static async Task RunAsync(BridgeMode mode, string purpose, IDictionary<string, string?>? settings, Func<IHost, RaceHooks, Task> test)
    {
        var hooks = new RaceHooks();
        var host = await StartAsync(mode, hooks, purpose, settings);
        if (host is null)
        {
            return;
        }

        try
        {
            await test(host, hooks);
        }
        finally
        {
            hooks.OpenAll();
            await host.StopAsync();
            host.Dispose();
        }
    }

    private static async Task<IHost?> StartAsync(BridgeMode mode, RaceHooks hooks, string purpose, IDictionary<string, string?>? settings)
    {
        string? rabbit = null, postgres = null;
        if (mode == BridgeMode.Production)
        {
            if (!TestServers.Available)
            {
                return null;
            }

            rabbit = await TestServers.CreateVirtualHostAsync(purpose);
            postgres = await TestServers.CreateDatabaseAsync(purpose.Replace('-', '_'));
        }

        var host = MaterialRequestHost.Build(mode, hooks, settings, rabbit, postgres);
        await host.StartAsync();
        return host;
    }

    private static async Task SeedOrderAsync(IHost host, string orderId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IProductionOrderStore>().SaveAsync(Order(orderId), default);
    }

    private static async Task SeedStockAsync(IHost host, params (string Material, decimal Quantity, string Unit)[] stock)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var view = scope.ServiceProvider.GetRequiredService<IStockView>();
        foreach (var (material, quantity, unit) in stock)
        {
            await view.ApplyAsync(StockLevel(material, quantity, unit).Record, DateTimeOffset.UnixEpoch, default);
        }
    }

    private static async Task<MaterialRequestState> UntilAsync(IHost host, string requestId, Func<MaterialRequestState, bool> condition)
    {
        var reader = host.Services.GetRequiredService<ISagaStateReader<MaterialRequestState>>();
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var state = await reader.FindAsync(MaterialRequestIds.ForRequest(requestId), default);
            if (state is not null && condition(state))
            {
                return state;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"request {requestId} did not reach the expected state within {Wait}; it is {state?.CurrentState ?? "absent"}: "
                    + string.Join(" | ", state?.History.Select(h => $"{h.Step}: {h.Detail}") ?? []));
            }

            await Task.Delay(25);
        }
    }
}
