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

/// <summary>
/// <c>POST /api/kit-checks</c> on the embedded host: two orders share scarce stock; the first by priority gets it. The open
/// schedule between two times; <c>KitCheckRequested</c> from MES answered with <c>KitChecked</c> at its kit-status
/// endpoint; the <c>kit-check</c> verb against the running host.
/// </summary>
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
                OrderId = id, Plant = "BER", Material = "FG", Quantity = 10, Unit = "pcs",
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

    [Theory]
    [InlineData("{\"orders\": [{\"orderId\": \"KC-1\", \"quantity\": \"many\"}]}", "$.orders[0].quantity")]
    [InlineData("{\"orders\": [\"a\\r\\nb\", \"中文\"]}", "$.orders[0]")]
    [InlineData("{\"orders\": ", "LineNumber: 0")]
    public async Task ABodyThatDoesNotBind_Is400_NamingWhatAndWhere(string body, string where)
    {
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        await using var host = await BridgeTestHost.StartAsync("", "", receivers, new Dictionary<string, string?> { ["Bridge:Mode"] = "Embedded" });

        using var response = await host.OperatorClient().PostAsync("/api/kit-checks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        detail.ShouldContain("KitCheckRequest");
        detail.ShouldContain(where);
    }

    [Fact]
    public async Task OpenSchedule_ChecksTheOrdersDueInTheRange_InDueOrder()
    {
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        await using var host = await BridgeTestHost.StartAsync("", "", receivers, new Dictionary<string, string?> { ["Bridge:Mode"] = "Embedded" });
        var monday = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        await SaveAsync(host, "KC-TUE", 10, monday.AddDays(1));
        await SaveAsync(host, "KC-MON", 10, monday.AddHours(6));
        await SaveAsync(host, "KC-NEXT-WEEK", 10, monday.AddDays(7));
        await StockAsync(host, 30);

        using var response = await host.OperatorClient().PostAsJsonAsync("/api/kit-checks",
            new { from = monday, to = monday.AddDays(2), ordering = "due" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var kits = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["orders"]!.AsArray();
        kits.Select(k => (string)k!["orderId"]!).ShouldBe(["KC-MON", "KC-TUE"]);
        kits[0]!["complete"]!.GetValue<bool>().ShouldBeTrue();
        kits[1]!["shortages"]![0]!["shortage"]!.GetValue<decimal>().ShouldBe(10m);
    }

    [Theory]
    [InlineData("""{ "from": "2026-12-02T00:00:00Z", "to": "2026-12-01T00:00:00Z" }""", "must be after")]
    [InlineData("""{ "from": "2026-01-01T00:00:00Z", "to": "2028-01-01T00:00:00Z" }""", "longer than 366 days")]
    [InlineData("""{ "from": "2026-12-01T00:00:00Z" }""", "give orders")]
    [InlineData("""{ "orders": [{ "orderId": "X" }], "from": "2026-12-01T00:00:00Z", "to": "2026-12-02T00:00:00Z" }""", "not both")]
    [InlineData("""{ "orders": [{ "orderId": "X" }], "ordering": "1" }""", "ordering must be")]
    public async Task BadRequests_Are400_WithTheReason(string body, string reason)
    {
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        await using var host = await BridgeTestHost.StartAsync("", "", receivers, new Dictionary<string, string?> { ["Bridge:Mode"] = "Embedded" });

        using var response = await host.OperatorClient().PostAsync("/api/kit-checks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(reason);
    }

    [Fact]
    public async Task KitCheckRequestedFromMes_IsAnsweredWithKitCheckedAtItsKitStatusEndpoint()
    {
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        await using var host = await BridgeTestHost.StartAsync("", "", receivers, new Dictionary<string, string?> { ["Bridge:Mode"] = "Embedded" });
        await SaveAsync(host, "1004799", 10, null);
        await StockAsync(host, 30);

        using var posted = await host.PostAsync("mes", "kit-check-request",
            """{ "checkNo": "KC-BUS-1", "prodOrder": "1004799", "qty": 20, "createdAt": "2026-11-22 14:05:00" }""");
        posted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());

        var call = await receivers.NextAsync("mes", TimeSpan.FromSeconds(30));
        call.Path.ShouldBe("/mes/api/orders/1004799/kit-status");
        var status = JsonNode.Parse(call.Body)!;
        status["kitComplete"]!.GetValue<bool>().ShouldBeFalse();
        var line = status["items"]!.AsArray().ShouldHaveSingleItem()!;
        line["shortage"]!.GetValue<decimal>().ShouldBe(10m);
    }

    [Fact]
    public async Task KitCheckVerb_PrintsTheOrdersAndShortages_AndSaysSomeAreShort()
    {
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        await using var host = await BridgeTestHost.StartAsync("", "", receivers, new Dictionary<string, string?> { ["Bridge:Mode"] = "Embedded" });
        await SaveAsync(host, "KC-CLI-1", 10, null);
        await SaveAsync(host, "KC-CLI-2", 10, null);
        await StockAsync(host, 30);
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await Bridge.Host.Cli.KitCheckCommand.RunAsync(["KC-CLI-1", "KC-CLI-2:15"], null, null, "priority", host.BaseUrl.AbsoluteUri,
            TestCredentials.OperatorKey, json: false, output, error, CancellationToken.None);

        code.ShouldBe(Bridge.Host.Cli.KitCheckCommand.SomeShort, error.ToString());
        var text = output.ToString();
        text.ShouldContain("KC-CLI-1");
        text.ShouldContain("KC-CLI-2");
        text.ShouldContain("A-100");
        (await Bridge.Host.Cli.KitCheckCommand.RunAsync(["KC-CLI-1"], null, null, "priority", host.BaseUrl.AbsoluteUri,
            TestCredentials.OperatorKey, json: false, new StringWriter(), new StringWriter(), CancellationToken.None)).ShouldBe(0);
        var refused = new StringWriter();
        (await Bridge.Host.Cli.KitCheckCommand.RunAsync(["KC-CLI-1"], null, null, "priority", host.BaseUrl.AbsoluteUri,
            "not-a-key", json: false, new StringWriter(), refused, CancellationToken.None)).ShouldBe(1);
        refused.ToString().ShouldStartWith("401");
    }

    private static Task SaveAsync(BridgeTestHost host, string id, decimal quantity, DateTimeOffset? due) =>
        host.Services.GetRequiredService<IProductionOrderStore>().SaveAsync(new ProductionOrderReleased
        {
            MessageId = Guid.NewGuid(), CorrelationId = id, Source = "erp", OccurredAt = DateTimeOffset.UnixEpoch,
            OrderId = id, Plant = "BER", Material = "FG", Quantity = quantity, Unit = "pcs", DueAt = due,
            Bom = [new BomLine { Material = "A-100", QuantityPer = 2, Unit = "pcs" }],
        }, default);

    private static Task StockAsync(BridgeTestHost host, decimal quantity) =>
        host.Services.GetRequiredService<IStockView>().ApplyAsync(
            new InventoryRecord { Warehouse = "WH-A", Material = "A-100", Quantity = quantity, Unit = "pcs" }, DateTimeOffset.UnixEpoch, default);
}
