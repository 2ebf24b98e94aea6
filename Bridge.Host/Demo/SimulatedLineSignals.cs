using System.Globalization;
using System.Text;
using Bridge.Adapters.Envelopes;

namespace Bridge.Host.Demo;

/// <summary>
/// Demo only: a PLC parts counter and an MQTT bin sensor without the devices. Each reading is handed to the host's
/// inbound path (<see cref="IEnvelopeSink"/>) as the envelope the OPC UA or MQTT adapter would build, so the shipped
/// plc and sensors mappings turn them into LineSideConsumptionReported and BinLevelReported.
/// </summary>
public sealed class SimulatedLineSignals(IEnvelopeSink sink, TimeProvider time)
{
    private DateTimeOffset _last;

    /// <summary>The counter node <c>ns=2;s=&lt;line&gt;.&lt;station&gt;.&lt;material&gt;.Consumed</c> reports parts used since its last report.</summary>
    public Task<EnvelopeReceipt> CountAsync(string line, string station, string material, int parts, CancellationToken ct)
    {
        var at = Tick().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        return sink.AcceptAsync(new InboundEnvelope("opcua", "plc", "consumption", "application/vnd.bridge.opcua-value",
            Encoding.UTF8.GetBytes(parts.ToString(CultureInfo.InvariantCulture)),
            new Dictionary<string, string>
            {
                ["nodeId"] = $"ns=2;s={line}.{station}.{material}.Consumed",
                ["sourceTimestamp"] = at,
                ["statusCode"] = "Good",
            }), ct);
    }

    /// <summary>A fill-level sensor publishes a bare percentage on <c>plant/&lt;site&gt;/line/&lt;line&gt;/bin/&lt;location&gt;/level</c>.</summary>
    public Task<EnvelopeReceipt> FillAsync(string line, string location, decimal percent, CancellationToken ct) =>
        sink.AcceptAsync(new InboundEnvelope("mqtt", "sensors", "bin-level", "text/plain",
            Encoding.UTF8.GetBytes(percent.ToString(CultureInfo.InvariantCulture)),
            new Dictionary<string, string>
            {
                ["topic"] = $"plant/demo/line/{line}/bin/{location}/level",
                ["receivedAt"] = Tick().ToString("O", CultureInfo.InvariantCulture),
            }), ct);

    /// <summary>Strictly rising times, so no reading of the demo is older than the one before it.</summary>
    private DateTimeOffset Tick()
    {
        var now = time.GetUtcNow();
        _last = now > _last ? now : _last.AddTicks(10);
        return _last;
    }
}
