using System.Buffers;
using System.Diagnostics.Tracing;

namespace Bridge.Tests.Mappings;

/// <summary>
/// The largest arrays rented from <see cref="ArrayPool{T}.Shared"/> (char and byte) on the thread that created this
/// recorder, from the runtime's ArrayPoolEventSource. Other threads (tests running meanwhile) are not counted: the event
/// is raised on the renting thread.
/// </summary>
internal sealed class SharedPoolRents : EventListener
{
    private static readonly int CharPool = ArrayPool<char>.Shared.GetHashCode();
    private static readonly int BytePool = ArrayPool<byte>.Shared.GetHashCode();
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private int _largestChars;
    private int _largestBytes;

    /// <summary>Elements of the largest char array rented so far.</summary>
    public int LargestChars => Volatile.Read(ref _largestChars);

    /// <summary>Bytes of the largest byte array rented so far.</summary>
    public int LargestBytes => Volatile.Read(ref _largestBytes);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "System.Buffers.ArrayPoolEventSource") EnableEvents(source, EventLevel.Verbose);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        // BufferRented(bufferId, bufferSize, poolId, bucketId); the pool's id is its hash code.
        if (e.EventName != "BufferRented" || Environment.CurrentManagedThreadId != _thread || e.Payload is not { Count: >= 3 } payload) return;
        var size = Convert.ToInt32(payload[1], System.Globalization.CultureInfo.InvariantCulture);
        var pool = Convert.ToInt32(payload[2], System.Globalization.CultureInfo.InvariantCulture);
        if (pool == CharPool && size > _largestChars) Volatile.Write(ref _largestChars, size);
        if (pool == BytePool && size > _largestBytes) Volatile.Write(ref _largestBytes, size);
    }
}
