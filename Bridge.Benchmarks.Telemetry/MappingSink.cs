using System.Diagnostics;
using System.Globalization;
using Bridge.Adapters.Envelopes;
using Bridge.Host.Pipeline.Telemetry;
using Bridge.Mappings;

namespace Bridge.Benchmarks.Telemetry;

/// <summary>
/// What TelemetryIngestor does (map with the shipped sensors mapping, check the values, hand to the pipeline); counts
/// where the time goes: CPU of the mapping and of the envelope (thread CPU time, not wall time, so a loaded machine
/// does not inflate them), the wall time a reading waits for its batch's confirm, and the most readings in flight.
/// The clocks are read for one reading in <see cref="SampleEvery"/> only: reading a thread's CPU time is a system call,
/// and the instrument should not weigh on what it measures.
/// </summary>
internal sealed class MappingSink(InboundMapping mapping, TelemetryPipeline pipeline, TelemetryEnvelopeEncoder encoder) : IEnvelopeSink
{
    private const int SampleEvery = 16;
    private long _count;
    private long _sampled;
    private long _mapNs;
    private long _encodeNs;
    private long _confirmTicks;
    private int _inFlight;
    private int _maxInFlight;

    public async Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        if (inFlight > Volatile.Read(ref _maxInFlight))
            Volatile.Write(ref _maxInFlight, inFlight);
        var sample = Interlocked.Increment(ref _count) % SampleEvery == 0;
        try
        {
            var started = sample ? ThreadCpu.Nanoseconds() : 0;
            var result = mapping.Map(envelope.Body, envelope.ContentType, envelope.Metadata);
            var mapped = sample ? ThreadCpu.Nanoseconds() : 0;
            if (result.Errors.Count > 0 || TelemetryIngestor.BreaksARule(result.Messages))
                return new EnvelopeReceipt(false, result.Errors.Count > 0 ? result.Errors[0].Message : "a mapped value breaks a rule");
            var records = TelemetryIngestor.Encode(encoder, result.Messages);
            if (!sample)
            {
                await pipeline.TakeAsync(records, ct);
                return EnvelopeReceipt.Taken;
            }

            Interlocked.Add(ref _mapNs, mapped - started);
            Interlocked.Add(ref _encodeNs, ThreadCpu.Nanoseconds() - mapped);
            var encoded = Stopwatch.GetTimestamp();
            await pipeline.TakeAsync(records, ct);
            Interlocked.Add(ref _confirmTicks, Stopwatch.GetTimestamp() - encoded);
            Interlocked.Increment(ref _sampled);
            return EnvelopeReceipt.Taken;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Mapping and encoding are CPU per message; the wait for the batch's publisher confirm is wall time a reading spends before its MQTT ack.</summary>
    public string Describe()
    {
        var n = Math.Max(1, Interlocked.Read(ref _sampled));
        var confirmMs = Interlocked.Read(ref _confirmTicks) * 1000.0 / Stopwatch.Frequency / n;
        return string.Create(CultureInfo.InvariantCulture,
            $"mapping {_mapNs / 1000.0 / n:N1} µs CPU/msg, JSON envelope {_encodeNs / 1000.0 / n:N1} µs CPU/msg, wait for the batch's confirm {confirmMs:N1} ms, at most {_maxInFlight:N0} readings in flight");
    }
}
