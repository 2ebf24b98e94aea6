using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Mappings;
using Bridge.Mappings.Diagnostics;

namespace Bridge.Tests.Mappings;

public sealed class OutboundSkeletonTests
{
    private static readonly PickOrderIssued PickOrder = new()
    {
        MessageId = Guid.Parse("0b6f2a52-93a4-4a39-9f53-1d1c2b0e7a11"),
        CorrelationId = "MR-2026-000123",
        Source = "bridge",
        OccurredAt = new DateTimeOffset(2026, 11, 22, 15, 20, 0, TimeSpan.Zero),
        PickOrderId = "PO-MR-2026-000123-WH-A-1",
        RequestId = "MR-2026-000123",
        OrderId = "1004711",
        Warehouse = "WH-A",
        Destination = "L1-ST03",
        Lines =
        [
            new MaterialLine { Material = "A-100", Quantity = 508m, Unit = "pcs", Lot = "L2611-07", Location = "A-01-03" },
            new MaterialLine { Material = "B-300", Quantity = 193.125m, Unit = "m" },
        ],
    };

    [Fact]
    public void WmsAPickOrder_RendersJsonInTheWmsWords()
    {
        var mapping = ShippedMappings.Set.FindOutbound("wms-a", typeof(PickOrderIssued)).ShouldHaveSingleItem();
        var request = mapping.Render(PickOrder);

        request.Properties["method"].ShouldBe("POST");
        request.Address.ShouldBe("/api/v2/pick-lists/PO-MR-2026-000123-WH-A-1");
        request.Headers["X-Message-Id"].ShouldBe("0b6f2a52-93a4-4a39-9f53-1d1c2b0e7a11");
        request.ContentType.ShouldBe("application/json");
        var body = JsonNode.Parse(request.Body)!.AsObject();
        body["whse"]!.GetValue<string>().ShouldBe("01");
        body["reference"]!.GetValue<string>().ShouldBe("1004711/MR-2026-000123");
        body["priority"]!.GetValue<string>().ShouldBe("NORMAL");
        var positions = body["positions"]!.AsArray();
        positions.Count.ShouldBe(2);
        positions[0]!["posNo"]!.GetValue<decimal>().ShouldBe(10m);
        positions[0]!["sku"]!.GetValue<string>().ShouldBe("100-A");
        positions[0]!["uom"]!.GetValue<string>().ShouldBe("PCE");
        positions[1]!["posNo"]!.GetValue<decimal>().ShouldBe(20m);
        positions[1]!["qty"]!.GetValue<decimal>().ShouldBe(193.125m);
        positions[1]!.AsObject().ContainsKey("batch").ShouldBeFalse();
    }

    [Fact]
    public void WmsBPickOrder_RendersNamespacedXmlWithAttributesAndRepeatedElements()
    {
        var mapping = ShippedMappings.Set.FindOutbound("wms-b", typeof(PickOrderIssued)).ShouldHaveSingleItem();
        var request = mapping.Render(PickOrder);

        request.ContentType.ShouldBe("application/xml");
        var xml = XDocument.Parse(Encoding.UTF8.GetString(request.Body));
        XNamespace ns = "urn:example:wms-b:picking:v2";
        xml.Root!.Name.ShouldBe(ns + "PickOrder");
        xml.Root.Attribute("id")!.Value.ShouldBe("PO-MR-2026-000123-WH-A-1");
        xml.Root.Attribute("created")!.Value.ShouldBe("2026-11-22T16:20:00");
        var lines = xml.Root.Element(ns + "Lines")!.Elements(ns + "Line").ToList();
        lines.Count.ShouldBe(2);
        lines[1].Attribute("no")!.Value.ShouldBe("2");
        lines[1].Element(ns + "Quantity")!.Value.ShouldBe("193.125");
        lines[1].Element(ns + "Quantity")!.Attribute("unit")!.Value.ShouldBe("M");
        lines[1].Element(ns + "Batch").ShouldBeNull();
    }

    [Theory]
    [InlineData("..", "/mes/api/orders/%2E%2E/kit-status")]
    [InlineData(".", "/mes/api/orders/%2E/kit-status")]
    [InlineData("../../admin", "/mes/api/orders/..%2F..%2Fadmin/kit-status")]
    [InlineData("1004711?x=1#f", "/mes/api/orders/1004711%3Fx%3D1%23f/kit-status")]
    [InlineData("料-ä", "/mes/api/orders/%E6%96%99-%C3%A4/kit-status")]
    public void MesKitChecked_AnOrderIdCannotSteerTheAddress(string orderId, string address)
    {
        var mapping = ShippedMappings.Set.FindOutbound("mes", typeof(KitChecked)).ShouldHaveSingleItem();
        var request = mapping.Render(new KitChecked
        {
            MessageId = Guid.NewGuid(),
            CorrelationId = "MR-1",
            Source = "bridge",
            OccurredAt = new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero),
            OrderId = orderId,
            RequestId = "MR-1",
            Complete = true,
            KitRate = 1m,
            Lines = [],
        });

        request.Address.ShouldBe(address);
    }

    [Fact]
    public void MesKitChecked_RendersShortagesAndKitRate()
    {
        var mapping = ShippedMappings.Set.FindOutbound("mes", typeof(KitChecked)).ShouldHaveSingleItem();
        var request = mapping.Render(new KitChecked
        {
            MessageId = Guid.NewGuid(),
            CorrelationId = "MR-1",
            Source = "bridge",
            OccurredAt = new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero),
            OrderId = "1004711",
            RequestId = "MR-1",
            Complete = false,
            KitRate = 0.6667m,
            Lines =
            [
                new KitLine { Material = "A-100", Unit = "pcs", Required = 100m, Available = 60m, Locations = [new StockLocation("WH-A", "A-01-03", "L1", 60m)] },
            ],
        });

        request.Address.ShouldBe("/mes/api/orders/1004711/kit-status");
        var body = JsonNode.Parse(request.Body)!.AsObject();
        body["kitComplete"]!.GetValue<bool>().ShouldBeFalse();
        body["kitRatePct"]!.GetValue<decimal>().ShouldBe(66.7m);
        body["checkedAt"]!.GetValue<string>().ShouldBe("2026-11-22 16:00:00");
        body["items"]![0]!["shortage"]!.GetValue<decimal>().ShouldBe(40m);
        body["items"]![0]!["stock"]![0]!["bin"]!.GetValue<string>().ShouldBe("A-01-03");
    }

    [Fact]
    public void MissingLookupKey_ThrowsNamingMappingFieldAndValue()
    {
        var mapping = ShippedMappings.Set.FindOutbound("wms-a", typeof(PickOrderIssued)).ShouldHaveSingleItem();
        var ex = Should.Throw<MappingRuntimeException>(() => mapping.Render(PickOrder with { Warehouse = "WH-Z" }));

        ex.Mapping.ShouldBe("wms-a-pick-order");
        ex.Field.ShouldBe("body.whse");
        ex.SourcePath.ShouldBe("warehouse");
        ex.Value.ShouldBe("WH-Z");
    }
}
