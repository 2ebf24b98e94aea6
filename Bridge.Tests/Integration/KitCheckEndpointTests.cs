using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Demo;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Domain.Stock;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Integration;

/// <summary><c>POST /api/kit-checks</c> on the embedded host: two orders share scarce stock; the first by priority gets it.</summary>
public sealed class KitCheckEndpointTests
{
    [Fact]
    public async Task TwoOrders_ScarceStock_GoesToTheHigherPriority_AndIsNotCountedTwice()
    {
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        await using var host = await BridgeTestHost.StartAsync("", "", receivers, new Dictionary<string, string?> { ["Bridge:Mode"] = "Embedded" });
        var orders = host.Services.GetRequiredService<IProductionOrderStore>();
        foreach (var id in new[] { "KC-1", "KC-2" })
        {
            await orders.SaveAsync(new ProductionOrderReleased
            {
                MessageId = Guid.NewGuid(), CorrelationId = id, Source = "erp", OccurredAt = DateTimeOffset.UnixEpoch,
                OrderId = id, Plant = "P-BER", Material = "FG", Quantity = 10, Unit = "pcs",
                Bom = [new BomLine { Material = "A-100", QuantityPer = 2, Unit = "pcs" }],
            }, default);
        }

        await host.Services.GetRequiredService<IStockView>().ApplyAsync(
            new InventoryRecord { Warehouse = "WH-A", Material = "A-100", Quantity = 30, Unit = "pcs" }, DateTimeOffset.UnixEpoch, default);

        using var response = await host.Client.PostAsJsonAsync("/api/kit-checks",
            new { orders = new object[] { new { orderId = "KC-1", priority = 2 }, new { orderId = "KC-2", priority = 1 } } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var kits = body["orders"]!.AsArray();
        kits[0]!["orderId"]!.GetValue<string>().ShouldBe("KC-2");
        kits[0]!["complete"]!.GetValue<bool>().ShouldBeTrue();
        kits[1]!["complete"]!.GetValue<bool>().ShouldBeFalse();
        kits[1]!["shortages"]![0]!["shortage"]!.GetValue<decimal>().ShouldBe(10m);
    }

    [Fact]
    public async Task UnknownOrder_Is404()
    {
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        await using var host = await BridgeTestHost.StartAsync("", "", receivers, new Dictionary<string, string?> { ["Bridge:Mode"] = "Embedded" });

        using var response = await host.Client.PostAsJsonAsync("/api/kit-checks", new { orders = new[] { new { orderId = "NOPE" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
