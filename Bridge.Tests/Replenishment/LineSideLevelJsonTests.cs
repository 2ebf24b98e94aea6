using System.Text.Json;
using Bridge.Host.Domain.LineSide;

namespace Bridge.Tests.Replenishment;

/// <summary>The generated serializer of level rows writes what the reflection-based one wrote, and reads the rows it left.</summary>
public sealed class LineSideLevelJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(1));

    private static LineSideLevel Level() => new()
    {
        Location = "L1-BIN-07",
        Quantity = 37.5m,
        LastReadingAt = At,
        LowReported = true,
        SignalCount = 12,
        LastSignals =
        [
            new LineSideSignal(Guid.Parse("9a7d8c41-55c5-4c11-9f0a-0d3f3ad0b7a1"), LineSideSignalKind.Consumption, 2.5m, At, "plc-1", "consumed 2.5 pcs"),
            new LineSideSignal(Guid.Parse("1b2c3d4e-0000-4000-8000-000000000001"), LineSideSignalKind.Reading, 40m, At.AddSeconds(-1), "sensor-\"7\"", "read 40 %"),
        ],
        Marks = new Dictionary<string, SourceMark>(StringComparer.Ordinal)
        {
            ["plc-1"] = new SourceMark(At, [Guid.Parse("9a7d8c41-55c5-4c11-9f0a-0d3f3ad0b7a1")]),
        },
    };

    [Fact]
    public void Serialize_WritesWhatTheReflectionSerializerWrote()
    {
        LineSideLevelJson.Serialize(Level()).ShouldBe(JsonSerializer.Serialize(Level(), JsonSerializerOptions.Web));
    }

    [Fact]
    public void Deserialize_ReadsARowTheReflectionSerializerWrote()
    {
        var read = LineSideLevelJson.Deserialize(JsonSerializer.Serialize(Level(), JsonSerializerOptions.Web));

        read.Location.ShouldBe("L1-BIN-07");
        read.Quantity.ShouldBe(37.5m);
        read.LastReadingAt.ShouldBe(At);
        read.LowReported.ShouldBeTrue();
        read.SignalCount.ShouldBe(12);
        read.LastSignals.ShouldBe(Level().LastSignals);
        read.Marks.Keys.ShouldBe(["plc-1"]);
        read.Marks["plc-1"].At.ShouldBe(At);
        read.Marks["plc-1"].Ids.ShouldBe(Level().Marks["plc-1"].Ids);
    }
}
