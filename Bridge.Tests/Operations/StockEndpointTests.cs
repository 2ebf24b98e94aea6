using System.Text.Json.Nodes;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Stock;
using Bridge.Tests.Operations.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Operations;

/// <summary><c>/api/stock</c> names statuses and shows gross, reserved and net (what <c>/api/kit</c> counts) side by side.</summary>
public sealed class StockEndpointTests
{
    [Fact]
    public async Task Stock_ShowsStatusNames_AndNetBesideGross()
    {
        await using var host = await AuthTestHost.StartAsync();
        var stock = host.App.Services.GetRequiredService<IStockView>();
        var at = DateTimeOffset.Parse("2026-11-30T08:00:00Z");
        await stock.ApplyAsync(new InventoryRecord { Warehouse = "WH-A", Material = "M-1", Location = "A-1", Lot = "L1", Quantity = 10m, Unit = "PCE" }, at, CancellationToken.None);
        await stock.ApplyAsync(new InventoryRecord { Warehouse = "WH-A", Material = "M-1", Location = "Q-1", Lot = "L2", Quantity = 4m, Unit = "PCE", Status = InventoryStatus.Blocked }, at, CancellationToken.None);
        (await stock.ReserveAsync("MR-STOCK-1", [new MaterialLine { Material = "M-1", Quantity = 3m, Unit = "PCE" }], new HashSet<string>(), CancellationToken.None)).ShouldNotBeNull();

        using var reader = host.Operator();
        var rows = JsonNode.Parse(await reader.GetStringAsync("/api/stock?material=M-1"))!.AsArray();

        var available = rows.Single(r => (string)r!["location"]! == "A-1")!;
        ((string)available["status"]!).ShouldBe("Available");
        ((decimal)available["quantity"]!).ShouldBe(10m);
        ((decimal)available["reserved"]!).ShouldBe(3m);
        ((decimal)available["available"]!).ShouldBe(7m);
        var blocked = rows.Single(r => (string)r!["location"]! == "Q-1")!;
        ((string)blocked["status"]!).ShouldBe("Blocked");
        ((decimal)blocked["available"]!).ShouldBe(0m);
    }
}
