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
}
