using System.Diagnostics;
using System.Globalization;
using Bridge.Adapters.Envelopes;
using Bridge.Host.Pipeline.Inbound;
using Bridge.Host.Pipeline.Telemetry;
using Bridge.Mappings;

namespace Bridge.Benchmarks.Telemetry;

/// <summary>What TelemetryIngestor does (map with the shipped sensors mapping, check the values, hand to the pipeline); counts where the time goes.</summary>
internal sealed class MappingSink(InboundMapping mapping, TelemetryPipeline pipeline, TelemetryEnvelopeEncoder encoder) : IEnvelopeSink
{
    private long _count;
    private long _mapTicks;
    private long _encodeTicks;
    private long _confirmTicks;

    public async Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var result = mapping.Map(envelope.Body, envelope.ContentType, envelope.Metadata);
        var mapped = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _mapTicks, mapped - started);
        if (result.Errors.Count > 0 || result.Messages.Any(m => MappedValueRules.Check(m.Message).Count > 0))
            return new EnvelopeReceipt(false, result.Errors.Count > 0 ? result.Errors[0].Message : "a mapped value breaks a rule");
        var records = result.Messages.Select(m => encoder.Encode(m.Message)).ToList();
        var encoded = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _encodeTicks, encoded - mapped);
        await pipeline.TakeAsync(records, ct);
        Interlocked.Add(ref _confirmTicks, Stopwatch.GetTimestamp() - encoded);
        Interlocked.Increment(ref _count);
        return EnvelopeReceipt.Taken;
    }

    /// <summary>Mapping and encoding are CPU per message; the wait for the batch's publisher confirm is wall time a reading spends before its MQTT ack.</summary>
    public string Describe()
    {
        var n = Math.Max(1, Interlocked.Read(ref _count));
        double Us(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency / n;
        return string.Create(CultureInfo.InvariantCulture, $"mapping {Us(_mapTicks):N1} µs/msg, JSON envelope {Us(_encodeTicks):N1} µs/msg, batch + confirm wait {Us(_confirmTicks) / 1000:N1} ms/msg");
    }
}
