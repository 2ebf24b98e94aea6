using System.Text;
using Bridge.Mappings;
using Bridge.Tests.Infrastructure;

namespace Bridge.Tests.Mappings;

/// <summary>
/// document: values and absolute paths are computed once per document; an XML batch is read one split item at a
/// time unless a mapping needs the whole document, and then it says why.
/// </summary>
public sealed class DocumentValuesTests
{
    /// <summary>A V0600 schedule of <paramref name="count"/> copies of the sample's ProductionRequest, each with its own ID.</summary>
    internal static byte[] Schedule(int count)
    {
        var xml = Encoding.UTF8.GetString(ShippedMappings.Sample("erp/samples/production-schedule-v0600.xml"));
        var start = xml.IndexOf("<ProductionRequest>", StringComparison.Ordinal);
        var end = xml.LastIndexOf("</ProductionRequest>", StringComparison.Ordinal) + "</ProductionRequest>".Length;
        var request = xml[start..end];
        var body = new StringBuilder(xml.Length + count * request.Length);
        body.Append(xml, 0, start);
        for (var i = 0; i < count; i++) body.Append(request.Replace("<ID>000001004713</ID>", $"<ID>{1_000_000 + i}</ID>"));
        body.Append(xml, end, xml.Length - end);
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    [Fact]
    public void TheShippedScheduleMappings_StreamTheirBatches()
    {
        ShippedMappings.Set.FindInbound("erp", "production-schedule")!.Streams.ShouldBeTrue();
        ShippedMappings.Set.FindInbound("erp", "production-schedule-v0401")!.Streams.ShouldBeTrue();
        ShippedMappings.Set.FindInbound("erp", "production-order-idoc")!.Streams.ShouldBeTrue();
    }

    [Fact]
    public void AStreamedBatch_MapsExactlyAsTheWholeDocumentDoes()
    {
        var payload = Schedule(3);
        var streamed = ShippedMappings.Set.FindInbound("erp", "production-schedule")!.Map(payload, "application/xml", ShippedMappings.NoMetadata);
        var whole = LoadVariant("split: /b:ProductionSchedule/b:ProductionRequest\n", "split: //b:ProductionRequest\n", out var reason)
            .Map(payload, "application/xml", ShippedMappings.NoMetadata);

        reason.ShouldBe("the split: is not a plain path of element names from the document root");
        streamed.Errors.ShouldBeEmpty();
        streamed.Messages.Count.ShouldBe(3);
        streamed.Messages.Select(m => m.Json.ToJsonString()).ShouldBe(whole.Messages.Select(m => m.Json.ToJsonString()));
        streamed.Messages.ShouldAllBe(m => ((Bridge.Contracts.Messages.ProductionOrderReleased)m.Message).OccurredAt == new DateTimeOffset(2026, 11, 22, 14, 30, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("  workCenter: $workCenter\n", "  workCenter: $workCenter ?? ../b:ID\n", "an expression climbs out of its item with '..' or $parent")]
    [InlineData("  workCenter: $workCenter\n", "  workCenter: $workCenter ?? /b:ProductionSchedule/b:ProductionRequest[0]/b:ID\n", "a path from the document root reaches into the split items (or uses // or * above them)")]
    public void AMappingThatNeedsTheWholeDocument_SaysWhy(string find, string replace, string expected)
    {
        var mapping = LoadVariant(find, replace, out var reason);

        mapping.Streams.ShouldBeFalse();
        reason.ShouldBe(expected);
        mapping.Map(Schedule(2), "application/xml", ShippedMappings.NoMetadata).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void ABadDocumentValue_IsOneErrorNamingIt()
    {
        var mapping = LoadVariant("  published: /b:ProductionSchedule/b:PublishedDate\n", "  published: required(/b:ProductionSchedule/b:Published)\n", out _);

        var result = mapping.Map(Schedule(2), "application/xml", ShippedMappings.NoMetadata);

        result.Messages.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe("mapping 'erp-b2mml-v0600-schedule', field 'document.published', source '/b:ProductionSchedule/b:Published': '/b:ProductionSchedule/b:Published' is required but missing or empty");
    }

    [Fact]
    public void ABrokenBatch_IsRefusedWhole_EvenAfterItsFirstItemsWereRead()
    {
        var payload = Schedule(3);
        var broken = payload[..(payload.Length - 30)];

        var result = ShippedMappings.Set.FindInbound("erp", "production-schedule")!.Map(broken, "application/xml", ShippedMappings.NoMetadata);

        result.Messages.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe("(payload)");
    }

    private static InboundMapping LoadVariant(string find, string replace, out string? reason)
    {
        var config = TestConfig.CopyShipped();
        try
        {
            var file = Path.Combine(config, "mappings", "erp", "production-schedule.yaml");
            var text = File.ReadAllText(file);
            text.ShouldContain(find);
            File.WriteAllText(file, text.Replace(find, replace));
            var loaded = MappingSet.LoadDirectory(config, new FixedTimeProvider(ShippedMappings.Now));
            loaded.Set.ShouldNotBeNull(string.Join("\n", loaded.Errors));
            var mapping = loaded.Set.FindInbound("erp", "production-schedule")!;
            reason = mapping.WholeDocumentReason;
            return mapping;
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }
}
