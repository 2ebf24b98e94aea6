using System.Globalization;
using Bridge.Adapters.Mqtt;

namespace Bridge.Tests.Mqtt;

/// <summary>The <c>receivedAt</c> stamp, written by hand for speed, is the text the format string gave.</summary>
public sealed class MqttReceivedAtTests
{
    [Theory]
    [InlineData("2026-12-01T06:07:08.0090000+00:00")]
    [InlineData("2026-12-01T23:59:59.9999999+00:00")]
    [InlineData("0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("9999-12-31T23:59:59.9999999+00:00")]
    [InlineData("2026-06-30T01:30:00.1234567+02:00")]
    public void Iso_IsUtcWithMillisecondsTruncated_AsTheFormatStringWroteIt(string at)
    {
        var time = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
        MqttConnection.Iso(time).ShouldBe(time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
    }
}
