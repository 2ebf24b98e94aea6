using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Composition;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.Alerts;
using Bridge.Tests.Messaging;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bridge.Tests.Alerts;

/// <summary>
/// Issue 10, stock alerts: the recurring check raises each condition once when it begins, not on every run; again only
/// after it cleared and came back (with a new message id; the same occurrence re-published keeps its id).
/// </summary>
public sealed class StockAlertJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Today = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private readonly SettableClock _clock = new(Today);
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    private static readonly StockAlertSettings Settings = new("*/15 * * * *", ExpiringWithinDays: 14, IdleForDays: 30,
        [new SafetyStock("A-100", "WH-A", 100m, "pcs"), new SafetyStock("C-420", null, 1000m, "pcs")]);

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bridge:Mode"] = "Embedded" }).Build();
        _provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddBridgeStorage(configuration)
            .AddBridgeMessagingTestHarness(_ => { })
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task EachCondition_IsRaisedOnceWhileItHolds()
    {
        await StockAsync("WH-A", "A-100", 60m, "L1", expires: null, asOf: Today);
        await StockAsync("WH-B", "C-420", 700m, "L2", expires: null, asOf: Today);
        await StockAsync("WH-A", "A-200", 12.5m, "L3", expires: new DateOnly(2026, 12, 5), asOf: Today, unit: "kg");
        await StockAsync("WH-B", "B-300", 40m, "L4", expires: null, asOf: Today.AddDays(-45), unit: "m");

        var first = await Job().CheckAsync(default);
        var second = await Job().CheckAsync(default);

        first.Raised.ShouldBe(["BelowSafetyStock/WH-A/A-100", "BelowSafetyStock/*/C-420", "LotExpiring/WH-A/A-200/L3", "StockIdle/WH-B/B-300/L4"], ignoreOrder: true);
        second.Conditions.ShouldBe(4);
        second.Raised.ShouldBeEmpty();
        var alerts = await AlertsAsync(4);
        alerts.Count.ShouldBe(4);
        alerts.Single(a => a.Kind == "LotExpiring").ShouldSatisfyAllConditions(
            a => a.ExpiresOn.ShouldBe(new DateOnly(2026, 12, 5)),
            a => a.Quantity.ShouldBe(12.5m),
            a => a.Threshold.ShouldBe(14m),
            a => a.Detail.ShouldBe("lot L3 of A-200 in WH-A (12.5 kg) expires on 2026-12-05, within 14 days"));
        alerts.Single(a => a.Material == "C-420").Detail.ShouldContain("700 pcs available, below the safety stock of 1000 pcs");
        alerts.Single(a => a.Kind == "StockIdle").IdleSince.ShouldBe(Today.AddDays(-45));
    }

    [Fact]
    public async Task AConditionThatClearedAndCameBack_IsRaisedAgain_WithANewMessageId()
    {
        await StockAsync("WH-B", "C-420", 2000m, "L2", expires: null, asOf: Today);
        await StockAsync("WH-A", "A-100", 60m, "L1", expires: null, asOf: Today);
        (await Job().CheckAsync(default)).Raised.ShouldBe(["BelowSafetyStock/WH-A/A-100"]);

        _clock.Now = Today.AddHours(1);
        await StockAsync("WH-A", "A-100", 150m, "L1", expires: null, asOf: Today.AddHours(1));
        var cleared = await Job().CheckAsync(default);
        _clock.Now = Today.AddHours(2);
        await StockAsync("WH-A", "A-100", 90m, "L1", expires: null, asOf: Today.AddHours(2));
        var back = await Job().CheckAsync(default);

        cleared.Cleared.ShouldBe(["BelowSafetyStock/WH-A/A-100"]);
        back.Raised.ShouldBe(["BelowSafetyStock/WH-A/A-100"]);
        var alerts = await AlertsAsync(2);
        alerts.Select(a => a.MessageId).Distinct().Count().ShouldBe(2);
        alerts.Select(a => a.Quantity).ShouldBe([60m, 90m]);
    }

    [Fact]
    public async Task ExpiredByStatusOrBlocked_IsNoExpiryAlertAndNoSafetyStock()
    {
        await _provider.GetRequiredService<IStockView>().ApplyAsync(new InventoryRecord
        {
            Warehouse = "WH-A", Material = "A-100", Lot = "L9", Location = "R-1", Quantity = 500m, Unit = "pcs",
            Status = InventoryStatus.Blocked, ExpiresOn = new DateOnly(2026, 12, 1),
        }, Today, default);

        var run = await Job().CheckAsync(default);

        // Blocked stock is not available: A-100 is below safety stock; its lot still expires soon (it is not expired by status).
        run.Raised.ShouldBe(["BelowSafetyStock/WH-A/A-100", "BelowSafetyStock/*/C-420", "LotExpiring/WH-A/A-100/L9"], ignoreOrder: true);
    }

    private StockAlertJob Job() => new(
        _provider.GetRequiredService<IStockView>(),
        _provider.GetRequiredService<IStockAlertStore>(),
        Settings,
        _harness.Bus,
        StandardUnitConverter.Instance,
        _clock,
        NullLogger<StockAlertJob>.Instance);

    private Task StockAsync(string warehouse, string material, decimal quantity, string lot, DateOnly? expires, DateTimeOffset asOf, string unit = "pcs") =>
        _provider.GetRequiredService<IStockView>().ApplyAsync(new InventoryRecord
        {
            Warehouse = warehouse, Material = material, Lot = lot, Location = "R-1", Quantity = quantity, Unit = unit, ExpiresOn = expires,
        }, asOf, default);

    private async Task<IReadOnlyList<StockAlertRaised>> AlertsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_harness.Published.Select<StockAlertRaised>().Count() < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        return _harness.Published.Select<StockAlertRaised>().Select(m => m.Context.Message).ToList();
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
