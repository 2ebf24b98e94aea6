using System.Collections.Concurrent;
using System.Text.Json;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.OpcUa;
using Bridge.Adapters.OpcUa.DeviceFiles;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Contracts.Messages;
using Bridge.Mappings;
using Bridge.Tests.OpcUa.Stack.Interop;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bridge.Tests.OpcUa;

/// <summary>Event subscriptions end to end: node-opcua's HighLevel alarm → device envelope → shipped plc mapping → DeviceAlarmRaised.</summary>
[Trait("Category", "Integration")]
public class OpcUaDeviceEventInteropTests
{
    private const string DeviceFile = """
        system: plc
        endpointUrl: URL
        publishingIntervalMs: 50
        events:
          - key: tank-alarms
            messageType: alarm
            metadata:
              location: L1-TANK
        """;

    [Fact]
    public async Task Alarm_RaisedAndCleared_BecomesDeviceAlarmRaised_ThroughTheShippedPlcMapping()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        var file = OpcUaDeviceFile.Parse("line1.yaml", "line1", DeviceFile.Replace("URL", url, StringComparison.Ordinal));
        file.Errors.ShouldBeEmpty();
        var loaded = MappingSet.LoadDirectory(Path.Combine(OpcUaTestServer.RepositoryRoot, "config"));
        loaded.Errors.ShouldBeEmpty();
        var mapping = loaded.Set!.FindInbound("plc", "alarm");
        mapping.ShouldNotBeNull("config/mappings/plc has the inbound mapping for message type 'alarm'");

        var sink = new CollectingSink();
        await using var device = new OpcUaDevice("line1", file.Options!, sink, NullLoggerFactory.Instance, TimeProvider.System);
        await device.StartAsync(CancellationToken.None);
        await using var caller = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url });
        var text = $"level above 90 % ({Guid.NewGuid():N})";
        await RaiseAsync(caller, 800, text, active: true);
        await RaiseAsync(caller, 100, text + " cleared", active: false);
        await SubscriptionInteropTests.WaitUntil(() => Ours(sink, text).Count >= 2, TimeSpan.FromSeconds(10));

        var envelopes = Ours(sink, text);
        envelopes.Count.ShouldBe(2);
        var raised = envelopes[0];
        raised.ContentType.ShouldBe(OpcUaEventEnvelopes.ContentType);
        raised.MessageType.ShouldBe("alarm");
        raised.Metadata["device"].ShouldBe("line1");
        raised.Metadata["key"].ShouldBe("tank-alarms");
        raised.Metadata["nodeId"].ShouldBe("i=2253");
        // node-opcua reports the source by its browse name.
        raised.Metadata["sourceName"].ShouldBe("1:Tank");
        raised.Metadata["severity"].ShouldBe("800");
        raised.Metadata["eventId"].ShouldNotBeNullOrEmpty();
        using (var body = JsonDocument.Parse(raised.Body))
        {
            body.RootElement.GetProperty("ConditionName").GetString().ShouldBe("HighLevel");
            body.RootElement.GetProperty("ActiveState").GetProperty("Id").GetBoolean().ShouldBeTrue();
            body.RootElement.GetProperty("SourceNode").GetString().ShouldBe("ns=1;s=Tank");
        }

        var alarms = envelopes.Select(e => mapping!.Map(e.Body, e.ContentType, e.Metadata)).ToList();
        alarms.ShouldAllBe(r => r.Succeeded);
        var messages = alarms.Select(r => (DeviceAlarmRaised)r.Messages.Single().Message).ToList();
        messages[0].ShouldSatisfyAllConditions(
            m => m.Device.ShouldBe("line1"),
            m => m.SourceName.ShouldBe("1:Tank"),
            m => m.ConditionName.ShouldBe("HighLevel"),
            m => m.Message.ShouldBe(text),
            m => m.Severity.ShouldBe(800),
            m => m.Active.ShouldBe(true),
            m => m.Location.ShouldBe("L1-TANK"),
            m => m.Source.ShouldBe("plc"));
        messages[1].Active.ShouldBe(false);
        messages[1].Severity.ShouldBe(100);
        messages[0].MessageId.ShouldNotBe(messages[1].MessageId);
        // A redelivered event (same EventId) maps to the same MessageId, so the bus drops the copy.
        ((DeviceAlarmRaised)mapping!.Map(envelopes[0].Body, envelopes[0].ContentType, envelopes[0].Metadata).Messages.Single().Message).MessageId.ShouldBe(messages[0].MessageId);
    }

    private static async Task RaiseAsync(OpcUaClient client, ushort severity, string message, bool active)
    {
        var result = await client.CallMethodAsync(NodeId.Parse("ns=1;s=Methods"), NodeId.Parse("ns=1;s=Methods.RaiseAlarm"),
            [new Variant(BuiltInType.UInt16, severity), Variant.From(message), Variant.From(active)]);
        result.StatusCode.IsGood.ShouldBeTrue($"RaiseAlarm answered {result.StatusCode.Name}");
    }

    private static List<InboundEnvelope> Ours(CollectingSink sink, string text) =>
        [.. sink.Envelopes.Where(e => System.Text.Encoding.UTF8.GetString(e.Body.Span).Contains(text, StringComparison.Ordinal))];

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
