using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;

namespace Bridge.Tests.Mappings;

public sealed class InboundSkeletonTests
{
    [Fact]
    public void ErpProductionOrder_MapsCodesUnitsCultureTimeZoneAndNestedBom()
    {
        var mapping = ShippedMappings.Set.FindInbound("erp", "production-order").ShouldNotBeNull();
        var result = mapping.Map(ShippedMappings.Sample("erp/samples/production-order.json"), "application/json", ShippedMappings.NoMetadata);

        result.Errors.ShouldBeEmpty();
        var order = result.Messages.ShouldHaveSingleItem().Message.ShouldBeOfType<ProductionOrderReleased>();
        order.OrderId.ShouldBe("1004711");
        order.Plant.ShouldBe("BER");
        order.Material.ShouldBe("P-500");
        order.Quantity.ShouldBe(250m);
        order.Unit.ShouldBe("pcs");
        order.DueAt.ShouldBe(new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero));
        order.OccurredAt.ShouldBe(new DateTimeOffset(2026, 11, 22, 13, 3, 11, TimeSpan.Zero));
        order.Source.ShouldBe("erp");
        order.CorrelationId.ShouldBe("1004711");
        order.Bom.Count.ShouldBe(4);
        (order.Bom[0].Material, order.Bom[0].QuantityPer, order.Bom[0].Unit, order.Bom[0].ScrapPercent, order.Bom[0].IsPhantom).ShouldBe(("A-100", 2m, "pcs", 1.5m, false));
        order.Bom[1].ScrapPercent.ShouldBe(0m);
        order.Bom[1].Unit.ShouldBe("g");
        order.Bom[2].QuantityPer.ShouldBe(0.75m);
        order.Bom[3].IsPhantom.ShouldBeTrue();
        order.Bom[3].Components.Select(c => c.Material).ShouldBe(["C-410", "C-420"]);
        order.Bom[3].Components[0].ScrapPercent.ShouldBe(0.5m);
    }

    [Fact]
    public void SamePayloadTwice_GivesSameMessageId_AndANewRevisionANewOne()
    {
        var mapping = ShippedMappings.Set.FindInbound("erp", "production-order")!;
        var payload = ShippedMappings.Sample("erp/samples/production-order.json");
        var first = mapping.Map(payload, "application/json", ShippedMappings.NoMetadata).Messages[0].Message.MessageId;
        var second = mapping.Map(payload, "application/json", ShippedMappings.NoMetadata).Messages[0].Message.MessageId;
        var revised = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(payload).Replace("\"revision\": 3", "\"revision\": 4"));
        var third = mapping.Map(revised, "application/json", ShippedMappings.NoMetadata).Messages[0].Message.MessageId;

        second.ShouldBe(first);
        third.ShouldNotBe(first);
    }

    [Fact]
    public void WmsInventoryFeed_SplitsIntoOneMessagePerChange_WithStatusWords()
    {
        var mapping = ShippedMappings.Set.FindInbound("wms-a", "inventory").ShouldNotBeNull();
        var result = mapping.Map(ShippedMappings.Sample("wms-a/samples/inventory.json"), "application/json", ShippedMappings.NoMetadata);

        result.Errors.ShouldBeEmpty();
        var records = result.Messages.Select(m => m.Message.ShouldBeOfType<InventoryChanged>().Record).ToList();
        records.Select(r => r.Status).ShouldBe([InventoryStatus.Available, InventoryStatus.QualityInspection, InventoryStatus.Blocked, InventoryStatus.Reserved]);
        records.Select(r => r.Material).ShouldBe(["A-100", "A-200", "B-300", "C-410"]);
        records.ShouldAllBe(r => r.Warehouse == "WH-A");
        records[1].ExpiresOn.ShouldBe(new DateOnly(2027, 5, 31));
        records[1].Unit.ShouldBe("kg");
        records[1].Quantity.ShouldBe(12.5m);
        records[2].Lot.ShouldBeNull();
        result.Messages.Select(m => m.Message.MessageId).Distinct().Count().ShouldBe(4);
        result.Messages[0].Message.CorrelationId.ShouldBe("WH-A/A-100/A-01-03");
    }

    [Fact]
    public void WmsPickConfirmation_FlattensPositionsAndBatches()
    {
        var mapping = ShippedMappings.Set.FindInbound("wms-a", "pick-confirmation").ShouldNotBeNull();
        var result = mapping.Map(ShippedMappings.Sample("wms-a/samples/pick-confirmation.json"), "application/json", ShippedMappings.NoMetadata);

        result.Errors.ShouldBeEmpty();
        var pick = result.Messages.ShouldHaveSingleItem().Message.ShouldBeOfType<PickConfirmed>();
        pick.PickOrderId.ShouldBe("PO-MR-2026-000123-WH-A-1");
        pick.CorrelationId.ShouldBe(pick.PickOrderId);
        pick.Lines.Select(l => (l.Material, l.Lot, l.Quantity, l.Unit)).ShouldBe([
            ("A-100", "L2611-07", 300m, "pcs"),
            ("A-100", "L2611-09", 208m, "pcs"),
            ("B-300", (string?)null, 193.125m, "m"),
        ]);
    }

    [Fact]
    public void MesMaterialRequest_OrderQuantityMode_AndLinesMode()
    {
        var mapping = ShippedMappings.Set.FindInbound("mes", "material-request").ShouldNotBeNull();
        var byQuantity = mapping.Map(ShippedMappings.Sample("mes/samples/material-request.json"), "application/json", ShippedMappings.NoMetadata);
        var byLines = mapping.Map(ShippedMappings.Sample("mes/samples/material-request-lines.json"), "application/json", ShippedMappings.NoMetadata);

        byQuantity.Errors.ShouldBeEmpty();
        var request = byQuantity.Messages.ShouldHaveSingleItem().Message.ShouldBeOfType<MaterialRequested>();
        request.OrderQuantity.ShouldBe(50m);
        request.Lines.ShouldBeEmpty();
        request.CorrelationId.ShouldBe("MR-2026-000123");
        request.NeededBy.ShouldBe(new DateTimeOffset(2026, 11, 22, 17, 0, 0, TimeSpan.Zero));

        byLines.Errors.ShouldBeEmpty();
        var lines = byLines.Messages.ShouldHaveSingleItem().Message.ShouldBeOfType<MaterialRequested>();
        lines.OrderQuantity.ShouldBeNull();
        lines.Lines.Select(l => (l.Material, l.Quantity, l.Unit)).ShouldBe([("A-100", 2m, "box"), ("C-420", 400m, "pcs")]);
        lines.NeededBy.ShouldBeNull();
    }

    [Fact]
    public void UnknownMaterial_IsARuntimeErrorNamingTableKeyFieldAndPath()
    {
        var mapping = ShippedMappings.Set.FindInbound("erp", "production-order")!;
        var payload = System.Text.Encoding.UTF8.GetString(ShippedMappings.Sample("erp/samples/production-order.json"))
            .Replace("000000000000300300", "000000000000777777");
        var result = mapping.Map(System.Text.Encoding.UTF8.GetBytes(payload), "application/json", ShippedMappings.NoMetadata);

        result.Messages.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Mapping.ShouldBe("erp-production-order");
        error.Field.ShouldBe("bom[2].material");
        error.SourcePath.ShouldBe("material");
        error.Value.ShouldBe("000000000000777777");
        error.Message.ShouldBe("table 'material' (tables/material-xref.csv) has no entry for key '000000000000777777'");
    }

    [Fact]
    public void InvalidJson_IsAnErrorNotAnException()
    {
        var mapping = ShippedMappings.Set.FindInbound("erp", "production-order")!;
        var result = mapping.Map("{ \"orderNo\": "u8.ToArray(), "application/json", ShippedMappings.NoMetadata);

        result.Messages.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("the payload is not valid json");
    }

    [Fact]
    public void Map_IsSafeToCallFromManyThreadsAtOnce()
    {
        var mapping = ShippedMappings.Set.FindInbound("erp", "production-order")!;
        var payload = ShippedMappings.Sample("erp/samples/production-order.json");
        var expected = mapping.Map(payload, "application/json", ShippedMappings.NoMetadata).Messages[0].Json.ToJsonString();

        var results = new string[400];
        Parallel.For(0, results.Length, i => results[i] = mapping.Map(payload, "application/json", ShippedMappings.NoMetadata).Messages[0].Json.ToJsonString());

        results.ShouldAllBe(r => r == expected);
    }
}
