using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bridge.Host.Infrastructure.Telemetry;

/// <summary>
/// Bridge's own instruments (meter and activity source <c>Bridge</c>), exported on <c>/metrics</c>:
/// messages in and out per system, type and result, mapping failures, outbound latency and redeliveries.
/// </summary>
public static class BridgeMetrics
{
    public const string Name = "Bridge";

    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> MessagesIn = Meter.CreateCounter<long>("bridge.messages.in", "{message}", "Inbound messages by system, type and result");

    private static readonly Counter<long> MessagesOut = Meter.CreateCounter<long>("bridge.messages.out", "{message}", "Outbound messages by system, type and result");

    private static readonly Counter<long> MappingFailures = Meter.CreateCounter<long>("bridge.mapping.failures", "{message}", "Inbound payloads that could not be mapped (dead-lettered)");

    private static readonly Counter<long> OutboundRetries = Meter.CreateCounter<long>("bridge.outbound.redeliveries", "{message}", "Outbound sends that were redeliveries");

    private static readonly Histogram<double> OutboundDuration = Meter.CreateHistogram<double>("bridge.outbound.duration", "ms", "Duration of one outbound send");

    public static void Inbound(string system, string type, string result)
    {
        MessagesIn.Add(1, new("system", system), new("type", type), new("result", result));
        if (result == "dead-lettered")
        {
            MappingFailures.Add(1, new KeyValuePair<string, object?>("system", system), new("type", type));
        }
    }

    public static void Outbound(string system, string type, string result, double durationMs, bool redelivery)
    {
        MessagesOut.Add(1, new("system", system), new("type", type), new("result", result));
        OutboundDuration.Record(durationMs, new KeyValuePair<string, object?>("system", system), new("type", type));
        if (redelivery)
        {
            OutboundRetries.Add(1, new KeyValuePair<string, object?>("system", system), new("type", type));
        }
    }

    /// <summary>Tags the current trace (HTTP in, bus, outbound call) with the process's correlation id.</summary>
    public static void Correlate(string? correlationId)
    {
        if (correlationId is not null)
        {
            Activity.Current?.SetTag("bridge.correlation_id", correlationId);
        }
    }
}
