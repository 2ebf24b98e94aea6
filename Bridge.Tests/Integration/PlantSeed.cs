using System.Text.Json.Nodes;
using Bridge.Host.Demo;
using static Bridge.Tests.Integration.InboundCalls;

namespace Bridge.Tests.Integration;

/// <summary>A released production order and the WMS's stock for its three components, posted to a host and awaited in its kit view.</summary>
internal static class PlantSeed
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <param name="stockFactor">Multiplies the bins' quantities (500 PCE, 20 KGM, 400 MTR), for many requests on one order.</param>
    public static async Task SeedAsync(BridgeTestHost host, SimulatedWarehouse wms, string orderNo, decimal quantity, decimal stockFactor = 1)
    {
        await Accepted(host.PostAsync("erp", "production-order", DemoPayloads.ProductionOrder(orderNo, quantity)));
        await Accepted(host.PostAsync("wms-a", "inventory", wms.Put("100-A", "A-01-03", "L2611-07", 500 * stockFactor, "PCE")));
        await Accepted(host.PostAsync("wms-a", "inventory", wms.Put("200-A", "B-02-01", "L2610-02", 20 * stockFactor, "KGM")));
        await Accepted(host.PostAsync("wms-a", "inventory", wms.Put("300-B", "C-07-11", "", 400 * stockFactor, "MTR")));

        // Order and stock travel through the bus on their own queues; MES asks only once Bridge knows both.
        await WaitForKitAsync(host, orderNo.TrimStart('0'), quantity);
    }

    /// <summary>Waits until the host's kit view reports the order's kit for <paramref name="quantity"/> complete.</summary>
    public static async Task WaitForKitAsync(BridgeTestHost host, string orderId, decimal quantity)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            using var response = await host.Client.GetAsync($"/api/kit/{orderId}?quantity={quantity}");
            if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync())!["complete"]!.GetValue<bool>())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"order {orderId} and its stock did not reach the stock view within {Wait}");
            }

            await Task.Delay(50);
        }
    }
}
