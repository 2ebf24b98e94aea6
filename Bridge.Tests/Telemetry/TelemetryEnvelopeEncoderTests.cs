using System.Text.Json;
using Bridge.Contracts.Messages;
using Bridge.Host.Pipeline.Telemetry;
using MassTransit;

namespace Bridge.Tests.Telemetry;

/// <summary>The envelope the telemetry path writes: MassTransit's fields, and each record its own bytes although the writer is reused.</summary>
public sealed class TelemetryEnvelopeEncoderTests
{
    [Fact]
    public void Encode_TwoReadingsOnOneThread_EachRecordKeepsItsOwnEnvelope()
    {
        var encoder = new TelemetryEnvelopeEncoder(TimeProvider.System);
        var first = Reading("L1-ST03-A", 12.5m);
        var second = Reading("L1-ST03-B", 99m);

        var one = encoder.Encode(first);
        var two = encoder.Encode(second);

        Envelope(one).ShouldBe((first.MessageId, "exchange:bridge.bin-level-reported", MessageUrn.ForTypeString(typeof(BinLevelReported)), "L1-ST03-A", "12.5"));
        Envelope(two).ShouldBe((second.MessageId, "exchange:bridge.bin-level-reported", MessageUrn.ForTypeString(typeof(BinLevelReported)), "L1-ST03-B", "99"));
        one.Exchange.ShouldBe("bridge.bin-level-reported");
        one.MessageId.ShouldBe(first.MessageId);
    }

    private static (Guid Id, string Destination, string Type, string Location, string Value) Envelope(TelemetryRecord record)
    {
        using var json = JsonDocument.Parse(record.Body);
        var root = json.RootElement;
        var message = root.GetProperty("message");
        var value = message.GetProperty("value");
        return (root.GetProperty("messageId").GetGuid(), root.GetProperty("destinationAddress").GetString()!,
            root.GetProperty("messageType")[0].GetString()!, message.GetProperty("location").GetString()!,
            value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
    }

    private static BinLevelReported Reading(string location, decimal value) => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = location,
        Source = "sensors",
        OccurredAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000),
        Location = location,
        Value = value,
        Unit = "%",
    };
}
