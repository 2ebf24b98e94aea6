using System.Text;
using Bridge.Contracts.Messages;
using Bridge.Mappings;

namespace Bridge.Tests.Mappings;

public sealed class PayloadFormatTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bridge-formats-" + Guid.NewGuid().ToString("N"));

    public PayloadFormatTests() => Directory.CreateDirectory(Path.Combine(_dir, "mappings", "x"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private InboundMapping Load(string yaml)
    {
        File.WriteAllText(Path.Combine(_dir, "mappings", "x", "m.yaml"), yaml);
        var result = MappingSet.LoadDirectory(_dir);
        result.Errors.ShouldBeEmpty();
        return result.Set!.Inbound.Single();
    }

    [Fact]
    public void Xml_WithADoctype_IsRejectedAsAnError_NotExpanded()
    {
        var mapping = Load("""
            system: x
            direction: inbound
            messageType: t
            format: xml
            produces: PickFailed
            fields: { pickOrderId: /a, reason: "'r'" }
            """);
        var payload = """<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>""";

        var result = mapping.Map(Encoding.UTF8.GetBytes(payload), "application/xml", new Dictionary<string, string>());

        result.Messages.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("DTD");
    }

    [Fact]
    public void Csv_WithoutHeader_NamesColumnsCol1ToN_AndKeepsQuotedDelimiters()
    {
        var mapping = Load("""
            system: x
            direction: inbound
            messageType: t
            format: csv
            csv: { header: false }
            produces: PickFailed
            split: $
            fields: { pickOrderId: col1, reason: col2 }
            """);

        var result = mapping.Map("P-1,\"late, very\"\r\nP-2,\"said \"\"no\"\"\"\r\n"u8.ToArray(), "text/csv", new Dictionary<string, string>());

        result.Errors.ShouldBeEmpty();
        result.Messages.Select(m => ((PickFailed)m.Message).Reason).ShouldBe(["late, very", "said \"no\""]);
        result.Messages.Select(m => m.Message.CorrelationId).ShouldBe(["P-1", "P-2"]);
    }

    [Fact]
    public void Scalar_WithoutDeclaredId_TakesMetadataIntoItsIdentity()
    {
        var mapping = Load("""
            system: x
            direction: inbound
            messageType: t
            format: scalar
            produces: BinLevelReported
            fields: { location: $meta.topic, value: $value, unit: "'%'" }
            """);
        Guid Id(string receivedAt) => mapping.Map("42"u8.ToArray(), "text/plain", new Dictionary<string, string> { ["topic"] = "bin/1", ["receivedAt"] = receivedAt })
            .Messages.Single().Message.MessageId;

        Id("2026-11-22T10:00:00Z").ShouldBe(Id("2026-11-22T10:00:00Z"));
        Id("2026-11-22T10:00:00Z").ShouldNotBe(Id("2026-11-22T10:00:05Z"));
    }

    [Fact]
    public void JsonRootArray_SplitsIntoMessages_AndABadItemDoesNotStopTheOthers()
    {
        var mapping = Load("""
            system: x
            direction: inbound
            messageType: t
            produces: PickFailed
            split: $
            id: id
            fields: { pickOrderId: required(id), reason: upper(why) }
            """);

        var result = mapping.Map("""[{"id":"a","why":"x"},{"why":"y"},{"id":"c","why":"z"}]"""u8.ToArray(), "application/json", new Dictionary<string, string>());

        result.Messages.Select(m => ((PickFailed)m.Message).Reason).ShouldBe(["X", "Z"]);
        result.Errors.Select(e => (e.Field, e.SourcePath)).ShouldBe([("[1].(id)", "id"), ("[1].pickOrderId", "id")]);
    }

    [Fact]
    public void ItemLet_IsEvaluatedPerItem_AndIsNotVisibleOutsideItsEachBlock()
    {
        var mapping = Load("""
            system: x
            direction: inbound
            messageType: t
            produces: PickConfirmed
            fields:
              pickOrderId: id
              lines:
                each: [pos, lots]
                let: { q: number(qty) * $parent.factor }
                where: $q > 0
                fields: { material: $parent.m, quantity: $q, unit: "'pcs'" }
            """);

        var result = mapping.Map("""{"id":"P","pos":[{"m":"A","factor":2,"lots":[{"qty":"1.5"},{"qty":"0"}]},{"m":"B","factor":10,"lots":[{"qty":"3"}]}]}"""u8.ToArray(), "application/json", new Dictionary<string, string>());

        result.Errors.ShouldBeEmpty();
        ((PickConfirmed)result.Messages.Single().Message).Lines.Select(l => (l.Material, l.Quantity)).ShouldBe([("A", 3.0m), ("B", 30m)]);

        File.WriteAllText(Path.Combine(_dir, "mappings", "x", "m.yaml"), """
            system: x
            direction: inbound
            messageType: t
            produces: PickConfirmed
            fields:
              pickOrderId: $q
              lines:
                each: pos
                let: { q: qty }
                fields: { material: m, quantity: $q, unit: "'pcs'" }
            """);
        MappingSet.LoadDirectory(_dir).Errors.ShouldHaveSingleItem().Message.ShouldStartWith("unknown variable '$q'");
    }

    [Fact]
    public void Json_WithAByteOrderMark_Maps()
    {
        var mapping = Load("""
            system: x
            direction: inbound
            messageType: t
            produces: PickFailed
            fields: { pickOrderId: id, reason: why }
            """);

        var result = mapping.Map((byte[])[0xEF, 0xBB, 0xBF, .. """{"id":"P-1","why":"no stock"}"""u8.ToArray()], "application/json", new Dictionary<string, string>());

        result.Errors.ShouldBeEmpty();
        ((PickFailed)result.Messages.Single().Message).Reason.ShouldBe("no stock");
    }
}
