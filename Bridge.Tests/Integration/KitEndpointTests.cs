using System.Net;
using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Demo;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Processes.Projections;
using Bridge.Host.Domain.Stock;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Integration;

/// <summary><c>GET /api/kit/{orderId}</c> with quantities Bridge cannot count answers 422 with the reason, never 500 (embedded host).</summary>
public sealed class KitEndpointTests
{
    [Theory]
    [InlineData("79228162514264337593543950335", "more of its components")]
    [InlineData(null, "more than Bridge can count")]
    public async Task QuantityBeyondDecimal_Is422WithTheReason(string? quantity, string reason)
    {
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        await using var host = await BridgeTestHost.StartAsync("", "", receivers, new Dictionary<string, string?> { ["Bridge:Mode"] = "Embedded" });
        await host.Services.GetRequiredService<IProductionOrderStore>().SaveAsync(new ProductionOrderReleased
        {
            MessageId = Guid.NewGuid(), CorrelationId = "K-1", Source = "erp", OccurredAt = DateTimeOffset.UnixEpoch,
            OrderId = "K-1", Plant = "P100", Material = "FG", Quantity = 10, Unit = "pcs",
            Bom = [new BomLine { Material = "A-100", QuantityPer = 2, Unit = "pcs" }],
        }, default);
        var stock = host.Services.GetRequiredService<IStockView>();
        foreach (var warehouse in new[] { "WH-A", "WH-B" })
        {
            await stock.ApplyAsync(new InventoryRecord { Warehouse = warehouse, Material = "A-100", Quantity = decimal.MaxValue, Unit = "pcs" }, DateTimeOffset.UnixEpoch, default);
        }

        using var response = await host.Client.GetAsync("/api/kit/K-1" + (quantity is null ? "" : "?quantity=" + quantity));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain(reason);
    }

    /// <summary>
    /// Kestrel leaves %2F encoded in a route value: an order '1004711/10' must be found by its encoded id, and an order
    /// whose id really holds the text '%2F' by its own encoding (%252F), each its own — never the other.
    /// </summary>
    [Theory]
    [InlineData("1004711/10", "1004711%2F10")]
    [InlineData("1004711%2F10", "1004711%252F10")]
    [InlineData("订单/七%", "%E8%AE%A2%E5%8D%95%2F%E4%B8%83%25")]
    [InlineData("50%", "50%25")]
    public async Task AnIdWithSlashOrPercent_IsFoundByItsEncoding_AndOnlyIt(string orderId, string encoded)
    {
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        await using var host = await BridgeTestHost.StartAsync("", "", receivers, new Dictionary<string, string?> { ["Bridge:Mode"] = "Embedded" });
        var orders = host.Services.GetRequiredService<IProductionOrderStore>();
        foreach (var (id, quantity) in new[] { ("1004711/10", 10m), ("1004711%2F10", 20m), ("订单/七%", 30m), ("50%", 40m), ("1004711", 50m) })
        {
            await orders.SaveAsync(new ProductionOrderReleased
            {
                MessageId = Guid.NewGuid(), CorrelationId = id, Source = "erp", OccurredAt = DateTimeOffset.UnixEpoch,
                OrderId = id, Plant = "P100", Material = "FG", Quantity = quantity, Unit = "pcs",
                Bom = [new BomLine { Material = "A-100", QuantityPer = 1, Unit = "pcs" }],
            }, default);
        }

        using var response = await host.Client.GetAsync("/api/kit/" + encoded);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var kit = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        kit["orderId"]!.GetValue<string>().ShouldBe(orderId);
        kit["quantity"]!.GetValue<decimal>().ShouldBe(orderId switch { "1004711/10" => 10m, "1004711%2F10" => 20m, "订单/七%" => 30m, _ => 40m });
    }
}
