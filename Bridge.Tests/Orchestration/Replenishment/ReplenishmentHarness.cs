using Bridge.Contracts;
using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Composition;
using Bridge.Host.Domain.LineSide;
using Bridge.Host.Processes.Replenishment;
using Bridge.Tests.Messaging;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Orchestration.Replenishment;

/// <summary>
/// The replenishment saga and the location-state projection in front of it on MassTransit's test harness, with the
/// production registration (embedded stores) and test locations; signals are built here with rising times.
/// </summary>
internal sealed class ReplenishmentHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
    private int _tick;

    private ReplenishmentHarness(ServiceProvider provider)
    {
        Provider = provider;
        Bus = provider.GetRequiredService<ITestHarness>();
        Saga = Bus.GetSagaStateMachineHarness<ReplenishmentStateMachine, ReplenishmentState>();
    }

    public ServiceProvider Provider { get; }
    public ITestHarness Bus { get; }
    public ISagaStateMachineTestHarness<ReplenishmentStateMachine, ReplenishmentState> Saga { get; }
    public ILineSideLevels Levels => Provider.GetRequiredService<ILineSideLevels>();

    public static LineSideLocation MinMax(string id, TimeSpan? leadTime = null) => new()
    {
        Id = id, Line = "L1", Material = "A-100", Unit = "pcs", ReorderPoint = 40, Max = 120, PackSize = 20,
        Warehouses = ["WH-B"], LeadTime = leadTime ?? TimeSpan.FromHours(1), UnitWeightKg = 0.5m,
    };

    public static LineSideLocation TwoBin(string id) => new()
    {
        Id = id, Line = "L1", Material = "B-300", Unit = "pcs", Mode = LineSideMode.TwoBin, BinQuantity = 50, ReorderPoint = 50, Max = 100,
        PackSize = 50, Warehouses = ["WH-B"], LeadTime = TimeSpan.FromHours(1),
    };

    public static LineSideLocation Kanban(string id) => new()
    {
        Id = id, Line = "L1", Material = "C-420", Unit = "pcs", Mode = LineSideMode.Kanban, BinQuantity = 200, Cards = 3, ReorderPoint = 400,
        Max = 600, PackSize = 200, Warehouses = ["WH-B"], LeadTime = TimeSpan.FromHours(1),
    };

    public static async Task<ReplenishmentHarness> StartAsync(params LineSideLocation[] locations)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bridge:Mode"] = "Embedded" }).Build();
        var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddBridgeStorage(configuration)
            .AddBridgeProcesses()
            .AddReplenishment(new LineSideCatalog(locations))
            .AddBridgeMessagingTestHarness(x => x.AddBridgeConsumers([]))
            .BuildServiceProvider(true);
        var harness = new ReplenishmentHarness(provider);
        await harness.Bus.Start();
        return harness;
    }

    public DateTimeOffset Next() => Start.AddSeconds(Interlocked.Increment(ref _tick));

    public LineSideConsumptionReported Consumed(string location, decimal quantity, string unit = "pcs", string material = "A-100") => new()
    {
        MessageId = Guid.NewGuid(), CorrelationId = location, Source = "plc", OccurredAt = Next(),
        Location = location, Material = material, Quantity = quantity, Unit = unit,
    };

    public BinLevelReported Reading(string location, decimal value, string unit = "pcs", DateTimeOffset? at = null) => new()
    {
        MessageId = Guid.NewGuid(), CorrelationId = location, Source = "sensors", OccurredAt = at ?? Next(),
        Location = location, Value = value, Unit = unit,
    };

    public ReplenishmentFulfilled Fulfilled(ReplenishmentRequested request, decimal quantity) => new()
    {
        MessageId = Guid.NewGuid(), CorrelationId = request.ReplenishmentId, Source = "wms-b", OccurredAt = Next(),
        ReplenishmentId = request.ReplenishmentId, Location = request.Location,
        Lines = [new MaterialLine { Material = request.Material, Quantity = quantity, Unit = request.Unit, Warehouse = request.Warehouse }],
    };

    /// <summary>Waits (polling, bounded) until <paramref name="count"/> messages of <typeparamref name="T"/> were published, then returns all of them.</summary>
    public async Task<IReadOnlyList<T>> PublishedAsync<T>(int count = 1) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Bus.Published.Select<T>().Count() < count && DateTime.UtcNow < deadline)
            await Task.Delay(25);
        return Bus.Published.Select<T>().Select(m => m.Context.Message).ToList();
    }

    /// <summary>Waits until the bus has been idle, so "nothing more was published" can be asserted.</summary>
    public async Task SettledAsync() => await Bus.InactivityTask;

    public ReplenishmentState? State(string location) =>
        Saga.Sagas.Contains(ReplenishmentIds.ForLocation(location));

    public Task PublishAsync<T>(T message) where T : CanonicalMessage => Bus.Bus.Publish(message);

    public async ValueTask DisposeAsync()
    {
        await Bus.Stop();
        await Provider.DisposeAsync();
    }
}
