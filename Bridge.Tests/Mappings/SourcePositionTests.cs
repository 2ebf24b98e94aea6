using System.Text;

namespace Bridge.Tests.Mappings;

/// <summary>Runtime errors name the source item (XML path, JSON path, CSV row) and the offending value, each failure its own.</summary>
public sealed class SourcePositionTests
{
    [Fact]
    public void TwoBadComponentsInTheShippedErpOrder_NameTheirOwnSourceItems()
    {
        var mapping = ShippedMappings.Set.FindInbound("erp", "production-order")!;
        var json = Encoding.UTF8.GetString(ShippedMappings.Sample("erp/samples/production-order.json"))
            .Replace("\"000000000000100200\"", "\"000000000000999991\"")
            .Replace("\"000000000000300300\"", "\"000000000000999992\"");

        var result = mapping.Map(Encoding.UTF8.GetBytes(json), "application/json", ShippedMappings.NoMetadata);

        result.Errors.Select(e => e.ToString()).ShouldBe([
            "mapping 'erp-production-order', field 'bom[1].material', item '$.components[1]', source 'material', value '000000000000999991': table 'material' (tables/material-xref.csv) has no entry for key '000000000000999991'",
            "mapping 'erp-production-order', field 'bom[2].material', item '$.components[2]', source 'material', value '000000000000999992': table 'material' (tables/material-xref.csv) has no entry for key '000000000000999992'",
        ]);
    }

    [Fact]
    public void ThreeBadQuantities_ReportThreeDistinctSourcePositionsAndValues()
    {
        var mapping = ShippedMappings.Set.FindInbound("erp", "production-order")!;
        var json = Encoding.UTF8.GetString(ShippedMappings.Sample("erp/samples/production-order.json"))
            .Replace("\"qtyPerUnit\": \"2,000\"", "\"qtyPerUnit\": \"zwei\"")
            .Replace("\"qtyPerUnit\": \"0,750\"", "\"qtyPerUnit\": \"0,75\\u0007\"")
            .Replace("\"qtyPerUnit\": \"8\"", "\"qtyPerUnit\": \"acht\"");

        var result = mapping.Map(Encoding.UTF8.GetBytes(json), "application/json", ShippedMappings.NoMetadata);

        result.Errors.Select(e => e.ToString()).ShouldBe([
            "mapping 'erp-production-order', field 'bom[0].quantityPer', item '$.components[0]', source 'qtyPerUnit', value 'zwei': expected a number in culture 'de-DE' (decimal separator ','), got 'zwei'",
            "mapping 'erp-production-order', field 'bom[2].quantityPer', item '$.components[2]', source 'qtyPerUnit', value '0,75\\u0007': expected a number in culture 'de-DE' (decimal separator ','), got '0,75\\u0007'",
            "mapping 'erp-production-order', field 'bom[3].components[1].quantityPer', item '$.components[3].subItems[1]', source 'qtyPerUnit', value 'acht': expected a number in culture 'de-DE' (decimal separator ','), got 'acht'",
        ]);
    }

    [Fact]
    public void ABadLineInABatch_NamesTheProductionRequestAndTheMaterialRequirement()
    {
        var mapping = ShippedMappings.Set.FindInbound("erp", "production-schedule")!;
        var xml = Encoding.UTF8.GetString(ShippedMappings.Sample("erp/samples/production-schedule-v0600.xml"));
        var second = xml.Replace("<QuantityString>60</QuantityString>", "<QuantityString>6O</QuantityString>");

        var result = mapping.Map(Encoding.UTF8.GetBytes(second), "application/xml", ShippedMappings.NoMetadata);

        result.Errors.Select(e => e.ToString()).ShouldBe([
            "mapping 'erp-b2mml-v0600-schedule', field '[0].bom[1]', item '/ProductionSchedule/ProductionRequest[0]/SegmentRequirement[0]/MaterialRequirement[2]', source 'b:Quantity[0]/b:QuantityString', value '6O': expected a number (invariant culture, '.' as decimal point), got '6O'",
        ]);
    }

    [Fact]
    public void ABadCsvRow_IsNamedByItsRowNumber()
    {
        var mapping = ShippedMappings.Set.FindInbound("wms-b", "inventory-export")!;
        var csv = "Lager;Artikel;Charge;Lagerplatz;Bestand;ME;Status;MHD\n01;100-A;L1;A-01;12,5;ST;frei;\n01;100-B;L2;A-02;viel;ST;frei;\n"u8.ToArray();

        var result = mapping.Map(csv, "text/csv", ShippedMappings.NoMetadata);

        result.Errors.Select(e => e.ToString()).ShouldBe([
            "mapping 'wms-b-inventory-csv', field '[1].record.quantity', item 'row 3', source 'Bestand', value 'viel': expected a number in culture 'de-DE' (decimal separator ','), got 'viel'",
        ]);
    }
}
