using System.Net;
using System.Text.Json.Nodes;
using Bridge.Host.Demo;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Mappings;

namespace Bridge.Tests.Integration;

/// <summary>
/// Issue 10 on the real stack: an MES production report (the shipped sample) posts the backflush and the completion to
/// ERP and records the genealogy in PostgreSQL, which the operator endpoints answer — per lot and per order, with
/// warehouse and supplier lot. Hostile ids are answered cleanly and the host keeps serving.
/// </summary>
[Trait("Category", "Integration")]
public sealed class GenealogyEndpointTests() : RealStackTest("genealogy", "mes", "wms-a", "erp")
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ProductionReport_PostsToErp_AndTheGenealogyAnswersPerLotAndOrder()
    {
        if (Receivers is null)
        {
            return;
        }

        await using var host = await BridgeTestHost.StartAsync(Rabbit, Postgres, Receivers, new Dictionary<string, string?>
        {
            ["Bridge:Systems:erp:BaseUrl"] = new Uri(Receivers.BaseUrl, "/erp").AbsoluteUri,
        });
        var report = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Config, "mappings", "mes", "samples", "production-performance.json"));

        using (var posted = await host.PostAsync("mes", "production-performance", report))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
        }

        var erp = new[] { await Receivers.NextAsync("erp", Wait), await Receivers.NextAsync("erp", Wait) };
        erp.Select(c => c.Path).ShouldBe(["/erp/api/production-orders/1004711/goods-issues", "/erp/api/production-orders/1004711/goods-receipts"], ignoreOrder: true);
        JsonNode.Parse(erp.Single(c => c.Path.EndsWith("goods-issues", StringComparison.Ordinal)).Body)!["items"]!.AsArray().Count.ShouldBe(2);

        using var operatorClient = host.OperatorClient();
        var lot = JsonNode.Parse(await operatorClient.GetStringAsync("/api/genealogy/lots/L2611-07"))!;
        var use = lot["usedIn"]!.AsArray().Single()!;
        ((string)use["orderId"]!).ShouldBe("1004711");
        ((string)use["product"]!).ShouldBe("P-500");
        ((string)use["producedLot"]!).ShouldBe("FG-2611-0042");
        ((string)use["plant"]!).ShouldBe("BER");
        var produced = JsonNode.Parse(await operatorClient.GetStringAsync("/api/genealogy/lots/FG-2611-0042"))!;
        ((string)produced["producedBy"]![0]!["orderId"]!).ShouldBe("1004711");
        var order = JsonNode.Parse(await operatorClient.GetStringAsync("/api/genealogy/orders/1004711"))!;
        var housing = order["consumed"]!.AsArray().Single(c => (string)c!["material"]! == "A-100")!;
        ((string)housing["warehouse"]!).ShouldBe("WH-A");
        ((string)housing["supplierLot"]!).ShouldBe("SUP-88121");
        ((decimal)housing["quantity"]!).ShouldBe(97m);

        using (var anonymous = host.NewClient())
        {
            (await anonymous.GetAsync("/api/genealogy/orders/1004711")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        foreach (var (id, expected) in new[]
                 {
                     ("..", HttpStatusCode.NotFound),
                     ("L1%0D%0AX-Injected:%20yes", HttpStatusCode.BadRequest),
                     (Uri.EscapeDataString("批次-中文"), HttpStatusCode.NotFound),
                     (Uri.EscapeDataString("LOT/2611"), HttpStatusCode.NotFound),
                     ("%00", HttpStatusCode.BadRequest),
                     ("%", HttpStatusCode.NotFound),
                     (new string('9', 1000), HttpStatusCode.BadRequest),
                 })
        {
            using var lotResponse = await operatorClient.GetAsync("/api/genealogy/lots/" + id);
            using var orderResponse = await operatorClient.GetAsync("/api/genealogy/orders/" + id);
            lotResponse.StatusCode.ShouldBe(expected, id.Length > 40 ? id[..40] : id);
            orderResponse.StatusCode.ShouldBe(expected, id.Length > 40 ? id[..40] : id);
        }

        // 100,000 characters is beyond any request line Kestrel takes: refused at the door, the host keeps serving.
        using (var huge = await operatorClient.GetAsync("/api/genealogy/lots/" + new string('x', 100_000)))
        {
            ((int)huge.StatusCode).ShouldBeOneOf(400, 414);
        }

        (await operatorClient.GetAsync("/api/genealogy/orders/1004711")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
