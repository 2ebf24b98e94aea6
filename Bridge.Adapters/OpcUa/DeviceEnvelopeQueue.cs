using System.Threading.Channels;
using Bridge.Adapters.Envelopes;

namespace Bridge.Adapters.OpcUa;

/// <summary>
/// The values of one device waiting for the pipeline, bounded so a pipeline that cannot take them (database down)
/// never exhausts memory. When full, the <b>oldest</b> waiting value is dropped, not the new one: a device reports
/// its current state, and the newest value is the one the plant acts on (the same choice as OPC UA's own
/// monitored-item queues, DiscardOldest). Each drop is counted and reported to the callback given.
/// </summary>
public sealed class DeviceEnvelopeQueue
{
    private readonly Channel<InboundEnvelope> _channel;
    private long _dropped;

    public DeviceEnvelopeQueue(int capacity, Action<InboundEnvelope, long> dropped)
    {
        _channel = Channel.CreateBounded<InboundEnvelope>(
            new BoundedChannelOptions(Math.Max(1, capacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest },
            envelope => dropped(envelope, Interlocked.Increment(ref _dropped)));
    }

    public const int DefaultCapacity = 10_000;

    /// <summary>How many values were dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public int Count => _channel.Reader.Count;

    public void Add(InboundEnvelope envelope) => _channel.Writer.TryWrite(envelope);

    public IAsyncEnumerable<InboundEnvelope> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);

    public void Complete() => _channel.Writer.TryComplete();
}
