using System.Text;
using Bridge.Contracts.Messages;
using Bridge.Mappings.Runtime;

namespace Bridge.Tests.Mappings;

/// <summary>
/// Message ids are how the bus inbox recognises a repeat, so they must not change when their computation is made
/// faster: these values were taken from the first implementation and pin the bytes hashed (ordinal key order,
/// <c>\nkey=value</c> per metadata entry, UTF-8, the <c>O</c> timestamp of a state report).
/// </summary>
public sealed class MessageIdStabilityTests
{
    private static readonly Dictionary<string, string> SensorMetadata = new(StringComparer.Ordinal)
    {
        ["topic"] = "plant/BER/line/L1/bin/L1-ST03-A/level",
        ["receivedAt"] = "2026-11-22T15:31:02.125Z",
        ["qos"] = "1",
        ["topic.5"] = "L1-ST03-A",
        ["topic.0"] = "plant",
        ["wildcard.0"] = "BER",
        ["userProperty.unit"] = "µ% ünïcode",
        ["Zeta"] = "",
    };

    [Fact]
    public void PayloadHash_WithMetadata_IsTheSameAsBefore()
    {
        DeterministicId.HashPayload("42.5"u8, SensorMetadata).ShouldBe("47D0A6D91A858390B3F159DA06102D9C7FB357E6222298DAAE5B095AF3E65559");
        DeterministicId.HashPayload("42.5"u8, new Dictionary<string, string>()).ShouldBe("7B713AFFFFACC53F6DBD3A5FD52117BC3EB5F3881789D2EB26B5F636DAA066DF");
        DeterministicId.HashPayload("{\"a\":1}"u8).ShouldBe("015ABD7F5CC57A2DD94B7590F04AD8084273905EE33EC5CEBEAE62276A97F862");
    }

    [Fact]
    public void MessageId_FromItsParts_IsTheSameAsBefore()
    {
        DeterministicId.Create("sensors", "bin-level", "ABC", "v1@2026-11-22T15:31:02.1250000+00:00", -1).ShouldBe(Guid.Parse("d277ff3d-4b3e-5947-94cb-f2348cea7903"));
        DeterministicId.Create("sensors", "bin-level", "ABC", "v1", new DateTimeOffset(2026, 11, 22, 15, 31, 2, 125, TimeSpan.Zero))
            .ShouldBe(Guid.Parse("d277ff3d-4b3e-5947-94cb-f2348cea7903"), "a state report's id: version@occurredAt in the O format");
        DeterministicId.Create("erp", "production-order", "4711", null, 3).ShouldBe(Guid.Parse("28c50e1f-483a-5ad3-92f4-e5a546b51c49"));
        DeterministicId.Create("wms-ä", "inventory", "x\ny", "", 0).ShouldBe(Guid.Parse("8a7dbf03-1f14-51f2-9068-d0db3af8ada9"));
    }

    [Fact]
    public void ShippedSensorMapping_GivesTheSameMessageIdAsBefore()
    {
        var mapping = ShippedMappings.Set.FindInbound("sensors", "bin-level")!;
        var result = mapping.Map(Encoding.UTF8.GetBytes("42.5"), "text/plain", SensorMetadata);
        result.Errors.ShouldBeEmpty();
        var message = (BinLevelReported)result.Messages.ShouldHaveSingleItem().Message;
        message.MessageId.ShouldBe(Guid.Parse("51d7ae96-b7fb-5e2b-827a-926274866f7c"));
        message.OccurredAt.ShouldBe(new DateTimeOffset(2026, 11, 22, 15, 31, 2, 125, TimeSpan.Zero));
    }
}
