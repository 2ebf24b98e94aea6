using System.Text;
using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Mappings;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Testing;

namespace Bridge.Tests.Mappings;

/// <summary>
/// What an outbound mapping says besides its body: the adapter-neutral address:, headers:, properties: and
/// contentType:, and the HTTP shorthand request: that compiles to the same rendered message.
/// </summary>
public sealed class OutboundEnvelopeTests : IDisposable
{
    private const string Head = """
        system: plant
        direction: outbound
        consumes: PickOrderIssued

        """;

    private static readonly PickOrderIssued PickOrder = new()
    {
        MessageId = Guid.Parse("0b6f2a52-93a4-4a39-9f53-1d1c2b0e7a11"),
        CorrelationId = "MR-1",
        Source = "bridge",
        OccurredAt = new DateTimeOffset(2026, 11, 22, 15, 20, 0, TimeSpan.Zero),
        PickOrderId = "PO 1/A",
        RequestId = "MR-1",
        OrderId = "1004711",
        Warehouse = "WH-A",
        Destination = "L1-ST03",
        Lines = [new MaterialLine { Material = "A-100", Quantity = 5m, Unit = "pcs" }],
    };

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bridge-envelope-" + Guid.NewGuid().ToString("N"));

    public OutboundEnvelopeTests() => Directory.CreateDirectory(Path.Combine(_dir, "mappings", "plant"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string MappingFile => Path.Combine(_dir, "mappings", "plant", "m.yaml");

    private MappingLoadResult Load(string yaml)
    {
        File.WriteAllText(MappingFile, Head + yaml);
        return MappingSet.LoadDirectory(_dir);
    }

    private OutboundMapping LoadValid(string yaml)
    {
        var result = Load(yaml);
        result.Errors.Select(e => e.ToString()).ShouldBeEmpty();
        return result.Set!.Outbound.Single();
    }

    private IReadOnlyList<string> ErrorsOf(string yaml)
    {
        var result = Load(yaml);
        result.Set.ShouldBeNull();
        return result.Errors.Select(e => (e with { File = Path.GetFileName(e.File) }).ToString()).ToList();
    }

    [Fact]
    public void AddressForm_RendersAddressHeadersPropertiesAndContentType_WithNoProtocolInIt()
    {
        var mapping = LoadValid("""
            address: plant/{warehouse}/picks/{pickOrderId}
            headers: { X-Order: "{orderId}" }
            properties: { qos: 1, retain: true, lane: "{destination}" }
            contentType: application/vnd.plant+json
            body: { id: pickOrderId }
            """);

        var rendered = mapping.Render(PickOrder);

        rendered.Address.ShouldBe("plant/WH-A/picks/PO%201%2FA");
        rendered.Headers.ShouldBe(new Dictionary<string, string> { ["X-Order"] = "1004711" });
        rendered.Properties.ShouldBe(new Dictionary<string, string> { ["qos"] = "1", ["retain"] = "true", ["lane"] = "L1-ST03" });
        rendered.ContentType.ShouldBe("application/vnd.plant+json");
        Encoding.UTF8.GetString(rendered.Body).ShouldBe("""{"id":"PO 1/A"}""");
    }

    [Fact]
    public void RequestShorthand_RendersTheSameMessageAsTheAddressForm()
    {
        const string body = "body:\n  id: pickOrderId\n  qty: lines[0].quantity\n";
        var shorthand = LoadValid("""
            request:
              method: put
              path: /api/picks/{pickOrderId}
              headers: { X-Order: "{orderId}" }
              contentType: application/json
            """ + "\n" + body).Render(PickOrder);
        var neutral = LoadValid("""
            address: /api/picks/{pickOrderId}
            properties: { method: PUT }
            headers: { X-Order: "{orderId}" }
            """ + "\n" + body).Render(PickOrder);

        shorthand.Address.ShouldBe("/api/picks/PO%201%2FA");
        shorthand.Properties.ShouldBe(new Dictionary<string, string> { ["method"] = "PUT" });
        neutral.Address.ShouldBe(shorthand.Address);
        neutral.Properties.ShouldBe(shorthand.Properties);
        neutral.Headers.ShouldBe(shorthand.Headers);
        neutral.ContentType.ShouldBe(shorthand.ContentType);
        neutral.Body.ShouldBe(shorthand.Body);
    }

    [Fact]
    public void AddressForm_WithAConstantGet_NeedsNoBody_WithoutAMethod_NeedsOne()
    {
        LoadValid("address: /api/picks/{pickOrderId}\nproperties: { method: get }\n").Render(PickOrder).Body.ShouldBeEmpty();

        ErrorsOf("address: plant/picks\n").ShouldBe(["m.yaml:1:1: missing key 'body:' (what to send)"]);
    }

    [Fact]
    public void UnknownKey_IsReportedAtItsLine_WithTheOutboundKeys()
    {
        var errors = ErrorsOf("""
            adress: plant/picks
            body: { id: pickOrderId }
            """);

        errors.ShouldBe([
            "m.yaml:1:1: missing 'address:' (where the message goes: a URL path, a topic, a routing key, a node id), or the HTTP shorthand 'request:' with method and path, e.g. request: { method: POST, path: /api/pick-orders }",
            "m.yaml:4:1: unknown key 'adress'; expected one of: address, body, consumes, contentType, csv, description, direction, encoding, format, headers, let, name, namespaces, properties, request, statuses, system, tables",
        ]);
    }

    [Fact]
    public void TemplateErrors_InAddressHeadersAndProperties_NameFileLineAndColumn()
    {
        var errors = ErrorsOf("""
            address: plant/{warehouse
            headers: { X-Order: "{ordrId}" }
            properties:
              qos: "{frobnicate(1)}"
              retain: [true]
            body: { id: pickOrderId }
            """);

        errors.ShouldBe([
            "m.yaml:4:16: '{' is not closed with '}' in template",
            "m.yaml:5:23: unknown field 'ordrId' on PickOrderIssued; expected one of: pickOrderId, requestId, orderId, warehouse, destination, lines, messageId, correlationId, source, occurredAt, schemaVersion",
            "m.yaml:7:10: unknown function 'frobnicate' (see docs/mapping-language.md for the list)",
            "m.yaml:8:11: 'properties.retain' expects a text template, e.g. \"{orderId}\"",
        ]);
    }

    [Fact]
    public void RequestAndAddress_Together_AreRejectedAtTheNeutralKey()
    {
        var errors = ErrorsOf("""
            request: { method: POST, path: /api/picks }
            address: plant/picks
            body: { id: pickOrderId }
            """);

        errors.ShouldBe(["m.yaml:5:1: 'address:' cannot be combined with 'request:'; write either request: { method, path, headers } (HTTP) or address:, headers:, properties:"]);
    }

    [Fact]
    public void MissingValueInAPropertyHole_IsARuntimeError_NamingTheProperty()
    {
        var mapping = LoadValid("""
            address: plant/picks
            properties: { lane: "{destination}" }
            body: { id: pickOrderId }
            """);

        var ex = Should.Throw<MappingRuntimeException>(() => mapping.Render(PickOrder with { Destination = null! }));

        ex.Field.ShouldBe("properties.lane");
        ex.Mapping.ShouldBe("m");
        ex.Message.ShouldBe("'destination' is missing, so the properties.lane cannot be built");
    }

    [Fact]
    public void TestFile_ComparesAddressAndProperties_AndRejectsUnknownExpectations()
    {
        var set = LoadValid("""
            address: plant/{warehouse}/picks
            properties: { qos: 1 }
            body: { id: pickOrderId }
            """);
        var testFile = Path.Combine(_dir, "mappings", "plant", "m.test.yaml");
        File.WriteAllText(testFile, """
            mapping: m
            cases:
              - name: right
                message: { messageId: 0b6f2a52-93a4-4a39-9f53-1d1c2b0e7a11, correlationId: MR-1, source: bridge, occurredAt: "2026-11-22T15:20:00Z", pickOrderId: P-1, requestId: MR-1, orderId: "1", warehouse: WH-A, destination: D, lines: [] }
                expect: { address: plant/WH-A/picks, properties: { qos: 1 }, body: { id: P-1 } }
              - name: wrong
                message: { messageId: 0b6f2a52-93a4-4a39-9f53-1d1c2b0e7a11, correlationId: MR-1, source: bridge, occurredAt: "2026-11-22T15:20:00Z", pickOrderId: P-1, requestId: MR-1, orderId: "1", warehouse: WH-A, destination: D, lines: [] }
                expect: { address: plant/WH-B/picks, properties: { qos: 2, retain: true }, adress: x }
            """);

        var results = MappingTestRunner.RunFile(testFile, MappingSet.LoadDirectory(_dir).Set!);

        results.Select(r => r.Case).ShouldBe(["right", "wrong"]);
        results[0].Failures.ShouldBeEmpty();
        results[1].Failures.ShouldBe([
            "unknown key 'adress' in expect:; expected address, path, method, properties, headers, contentType, body, error",
            "address: expected plant/WH-B/picks, got plant/WH-A/picks",
            "property qos: expected 2, got 1",
            "property retain: expected true, got (none)",
        ]);
        set.Name.ShouldBe("m");
    }
}
