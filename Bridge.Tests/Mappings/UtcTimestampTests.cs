using System.Globalization;
using Bridge.Mappings.Runtime;

namespace Bridge.Tests.Mappings;

/// <summary>The fast reading of adapters' UTC timestamps gives what the general parser gives, and nothing else.</summary>
public sealed class UtcTimestampTests
{
    [Theory]
    [InlineData("2026-11-22T15:31:02Z")]
    [InlineData("2026-11-22T15:31:02.1Z")]
    [InlineData("2026-11-22T15:31:02.125Z")]
    [InlineData("2026-11-22T15:31:02.1234567Z")]
    [InlineData("2024-02-29T23:59:59.9999999Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    public void UtcTimestamp_ReadsWhatTheGeneralParserReads(string text)
    {
        UtcTimestamp.TryParse(text, out var fast).ShouldBeTrue();
        fast.ShouldBe(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None).ToUniversalTime());
        fast.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("2026-11-22T15:31:02+01:00")]
    [InlineData("2026-11-22T15:31:02.12345678Z")]
    [InlineData("2026-11-22T15:31:60Z")]
    [InlineData("2025-02-29T10:00:00Z")]
    [InlineData("2026-11-22 15:31:02Z")]
    [InlineData("2026-11-22T15:31:02.Z")]
    [InlineData("2026-11-22T15:31:0xZ")]
    public void UtcTimestamp_LeavesEveryOtherShapeToTheGeneralParser(string text) => UtcTimestamp.TryParse(text, out _).ShouldBeFalse();
}
