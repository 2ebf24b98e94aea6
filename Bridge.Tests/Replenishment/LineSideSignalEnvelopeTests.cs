using System.Text;
using Bridge.Contracts.Messages;
using Bridge.Host.Pipeline.Telemetry;
using Bridge.Host.Processes.Replenishment;

namespace Bridge.Tests.Replenishment;

public sealed class LineSideSignalEnvelopeTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, 125, TimeSpan.FromHours(1));

    [Fact]
    public void Read_MassTransitEnvelopeOfACounterDelta_GivesItsFields()
    {
        var sent = new LineSideConsumptionReported
        {
            MessageId = Guid.NewGuid(), CorrelationId = "c-1", Source = "plc", OccurredAt = At, Location = "L1-ST03", Material = "A-100", Quantity = 2.5m, Unit = "pcs",
        };

        var (message, error) = LineSideSignalEnvelope.Read(new TelemetryEnvelopeEncoder(TimeProvider.System).Encode(sent).Body.Span);

        error.ShouldBeNull();
        message.ShouldBeOfType<LineSideConsumptionReported>().ShouldBe(sent);
    }

    [Fact]
    public void Read_BinReadingWithoutMaterial_GivesItsFields()
    {
        var sent = new BinLevelReported { MessageId = Guid.NewGuid(), CorrelationId = "", Source = "sensors", OccurredAt = At, Location = "L1-ST03", Value = 55, Unit = "%" };

        var (message, _) = LineSideSignalEnvelope.Read(new TelemetryEnvelopeEncoder(TimeProvider.System).Encode(sent).Body.Span);

        message.ShouldBeOfType<BinLevelReported>().ShouldBe(sent);
    }

    [Theory]
    [InlineData("not json", "cannot be read")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("{\"messageType\":[\"bridge:Other:v1\"],\"message\":{}}", "names neither")]
    [InlineData("{\"messageType\":[\"bridge:BinLevelReported:v1\"]}", "no message")]
    [InlineData("{\"message\":{\"location\":\"L1\",\"value\":3},\"messageType\":[\"bridge:BinLevelReported:v1\"]}", "lacks messageId, occurredAt, source, unit")]
    [InlineData("{\"messageType\":[\"bridge:BinLevelReported:v1\"],\"message\":{\"messageId\":\"x\"}}", "cannot be read")]
    [InlineData("{\"messageType\":[\"bridge:BinLevelReported:v1\"],\"message\":{\"value\":\"lots\"}}", "cannot be read")]
    public void Read_UnusableBody_SaysWhy(string body, string reason)
    {
        var (message, error) = LineSideSignalEnvelope.Read(Encoding.UTF8.GetBytes(body));

        message.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(reason);
    }
}
