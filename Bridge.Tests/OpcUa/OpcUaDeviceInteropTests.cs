using System.Collections.Concurrent;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.OpcUa;
using Bridge.Adapters.OpcUa.Stack;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Contracts.Messages;
using Bridge.Mappings;
using Bridge.Tests.OpcUa.Stack.Interop;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bridge.Tests.OpcUa;

// These classes all write the test server's one Writable.JobNumber node: they take turns.
[Collection("opcua-writable-jobnumber")]
[Trait("Category", "Integration")]
public class OpcUaDeviceInteropTests
{
    private const string ConsumptionMapping = """
        name: line1-plc-parts-consumed
        system: line1-plc
        direction: inbound
        messageType: parts-consumed
        format: scalar
        produces: LineSideConsumptionReported
        id: concat(meta('nodeId'), '@', meta('sourceTimestamp'))
        fields:
          location: meta('location')
          material: meta('material')
          quantity: decimal($root)
          unit: meta('unit')
          occurredAt: utc(meta('sourceTimestamp'))
        """;

    [Fact]
    public async Task Counter_FeedsDeltas_ResetAndWrapHandled_ThroughTheMappingToLineSideConsumption()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        var parts = NodeId.Parse("ns=1;s=Counters.Parts");
        await using var writer = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url });
        await writer.WriteValueAsync(parts, Variant.From(100u));
        var sink = new CollectingSink();
        var options = new OpcUaAdapterOptions
        {
            System = "line1-plc",
            EndpointUrl = url,
            PublishingIntervalMs = 50,
            Nodes =
            [
                new OpcUaNodeOptions
                {
                    Key = "parts-station-3", BrowsePath = "/Objects/1:Bridge/1:Counters/1:Parts", Kind = OpcUaNodeKinds.Counter, CounterMax = 200,
                    SamplingIntervalMs = 10, MessageType = "parts-consumed",
                    Metadata = new() { ["location"] = "L1-ST3", ["material"] = "M-100", ["unit"] = "PCE" },
                },
            ],
        };
        await using var device = new OpcUaDevice("line1", options, sink, NullLoggerFactory.Instance, TimeProvider.System);
        await device.StartAsync(CancellationToken.None);
        await Task.Delay(300);
        // 100 is the baseline; then +5, a wrap through 200 (190 → 3 is 14 parts), a reset (3 → 2 is 2 parts).
        foreach (var value in new uint[] { 105, 190, 3, 2 })
        {
            await writer.WriteValueAsync(parts, Variant.From(value));
            await Task.Delay(200);
        }
        await SubscriptionInteropTests.WaitUntil(() => sink.Envelopes.Count >= 4, TimeSpan.FromSeconds(5));
        sink.Envelopes.Select(Body).ShouldBe(["5", "85", "14", "2"]);
        sink.Envelopes.Select(e => e.Metadata["counterStep"]).ShouldBe(["increase", "increase", "wrap", "reset"]);
        var envelope = sink.Envelopes.First();
        envelope.ContentType.ShouldBe(OpcUaEnvelopes.ContentType);
        envelope.System.ShouldBe("line1-plc");
        envelope.Metadata["nodeId"].ShouldBe("ns=1;s=Counters.Parts");
        envelope.Metadata["statusCode"].ShouldBe("Good");
        envelope.Metadata["statusName"].ShouldBe("Good");
        envelope.Metadata["statusCodeHex"].ShouldBe("0x00000000");
        envelope.Metadata["dataType"].ShouldBe("UInt32");
        envelope.Metadata["sourceTimestamp"].ShouldNotBeNullOrEmpty();

        var mappings = LoadMapping(ConsumptionMapping);
        var mapping = mappings.FindInbound("line1-plc", "parts-consumed")!;
        var messages = sink.Envelopes.Select(e => mapping.Map(e.Body, e.ContentType, e.Metadata)).ToList();
        messages.ShouldAllBe(m => m.Succeeded);
        var consumption = messages.Select(m => (LineSideConsumptionReported)m.Messages.Single().Message).ToList();
        consumption.Select(c => c.Quantity).ShouldBe([5m, 85m, 14m, 2m]);
        consumption.ShouldAllBe(c => c.Location == "L1-ST3" && c.Material == "M-100" && c.Unit == "PCE" && c.Source == "line1-plc");
        consumption.Select(c => c.MessageId).Distinct().Count().ShouldBe(4);
        // The same envelope mapped again (a redelivery) gives the same MessageId, so the bus drops it.
        ((LineSideConsumptionReported)mapping.Map(sink.Envelopes.First().Body, OpcUaEnvelopes.ContentType, sink.Envelopes.First().Metadata).Messages.Single().Message)
            .MessageId.ShouldBe(consumption[0].MessageId);
    }

    [Fact]
    public async Task Counter_ThroughTheShippedPlcMapping_BecomesLineSideConsumption()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        var loaded = MappingSet.LoadDirectory(Path.Combine(OpcUaTestServer.RepositoryRoot, "config"));
        loaded.Errors.ShouldBeEmpty();
        var mapping = loaded.Set!.FindInbound("plc", "consumption");
        mapping.ShouldNotBeNull("config/mappings/plc has the inbound mapping for message type 'consumption'");
        var node = NodeId.Parse("ns=1;s=L1.ST03.A-100.Consumed");
        await using var writer = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url });
        await writer.WriteValueAsync(node, Variant.From(10u));
        var sink = new CollectingSink();
        var options = new OpcUaAdapterOptions
        {
            System = "plc",
            EndpointUrl = url,
            PublishingIntervalMs = 50,
            Nodes = [new OpcUaNodeOptions { Key = "l1-st03", NodeId = node.ToString(), Kind = OpcUaNodeKinds.Counter, SamplingIntervalMs = 10, MessageType = "consumption" }],
        };
        await using var device = new OpcUaDevice("plc", options, sink, NullLoggerFactory.Instance, TimeProvider.System);
        await device.StartAsync(CancellationToken.None);
        await Task.Delay(300);
        await writer.WriteValueAsync(node, Variant.From(22u));
        await SubscriptionInteropTests.WaitUntil(() => !sink.Envelopes.IsEmpty, TimeSpan.FromSeconds(5));

        var envelope = sink.Envelopes.Single();
        var result = mapping!.Map(envelope.Body, envelope.ContentType, envelope.Metadata);
        result.Errors.ShouldBeEmpty();
        var message = (LineSideConsumptionReported)result.Messages.Single().Message;
        message.Location.ShouldBe("L1-ST03");
        message.Material.ShouldBe("A-100");
        message.Quantity.ShouldBe(12m);
        message.Source.ShouldBe("plc");
    }

    [Fact]
    public async Task WriteBack_ConvertsTextToTheTargetsType()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        var options = new OpcUaAdapterOptions
        {
            EndpointUrl = url,
            Writes =
            [
                new OpcUaWriteTargetOptions { Key = "ack", NodeId = "ns=1;s=Writable.Ack" },
                new OpcUaWriteTargetOptions { Key = "job-number", BrowsePath = "/Objects/1:Bridge/1:Writable/1:JobNumber" },
            ],
        };
        await using var device = new OpcUaDevice("station", options, new CollectingSink(), NullLoggerFactory.Instance, TimeProvider.System);
        await device.StartAsync(CancellationToken.None);
        (await device.WriteAsync("ack", "true", CancellationToken.None)).IsGood.ShouldBeTrue();
        (await device.WriteAsync("job-number", "JOB-4711", CancellationToken.None)).IsGood.ShouldBeTrue();
        var unknown = await Should.ThrowAsync<OpcUaException>(() => device.WriteAsync("nope", "1", CancellationToken.None));
        unknown.Message.ShouldContain("configured: ack, job-number");

        await using var reader = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url });
        var values = await reader.ReadValuesAsync([NodeId.Parse("ns=1;s=Writable.Ack"), NodeId.Parse("ns=1;s=Writable.JobNumber")]);
        values[0].Value.Value.ShouldBe(true);
        values[1].Value.Value.ShouldBe("JOB-4711");
        await reader.WriteValueAsync(NodeId.Parse("ns=1;s=Writable.Ack"), Variant.From(false));
    }

    private static string Body(InboundEnvelope envelope) => System.Text.Encoding.UTF8.GetString(envelope.Body.Span);

    private static MappingSet LoadMapping(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("bridge-opcua-mapping-");
        try
        {
            var file = Path.Combine(dir.FullName, "parts-consumed.yaml");
            File.WriteAllText(file, yaml);
            var result = MappingSet.LoadFiles([file], null);
            result.Errors.ShouldBeEmpty();
            return result.Set!;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private sealed class CollectingSink : IEnvelopeSink
    {
        public ConcurrentQueue<InboundEnvelope> Envelopes { get; } = new();

        public Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct)
        {
            Envelopes.Enqueue(envelope);
            return Task.FromResult(EnvelopeReceipt.Taken);
        }
    }
}
