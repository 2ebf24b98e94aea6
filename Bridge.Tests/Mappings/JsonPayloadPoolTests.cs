using System.Buffers;
using System.Diagnostics.Tracing;
using System.Text;
using System.Text.Json;
using Bridge.Mappings.Documents;

namespace Bridge.Tests.Mappings;

/// <summary>
/// Found by the fault suite's R4 (issue 12, session 14): after a full compacting collection the host still held tens of
/// MB of System.Text.Json's document rows (128 KiB–4 MiB arrays) that JsonDocument had returned to
/// <c>ArrayPool&lt;byte&gt;.Shared</c> — one per size per thread — a different amount after every pass. A JSON payload is
/// now parsed so that nothing larger than <see cref="JsonPayloadParser.PooledLimitBytes"/> goes back to the shared pool
/// (<see cref="JsonPayloadParser"/>): what R4's documents leave there no longer depends on which threads parsed them.
/// Watched through the pool's own events (ArrayPoolEventSource), on this thread only.
/// </summary>
public sealed class JsonPayloadPoolTests
{
    private static readonly PayloadReader Reader = new(SourceFormat.Json, CsvOptions.Default, Encoding.UTF8);

    [Fact]
    public void LargeAndHostileDocuments_ReturnNoArrayAboveTheLimitToTheSharedPool_AndStillRead()
    {
        using var returns = new SharedPoolReturns();
        const int Numbers = 400_000;
        var dense = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("7", Numbers)) + "]");
        var large = Encoding.UTF8.GetBytes("{\"rows\":[" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"{{\"sku\":\"{new string('s', 80)}{i}\"}}")) + "]}");

        returns.Watch(() =>
        {
            // Nested far below the depth limit (256): refused, as before, by the reader's own error.
            Should.Throw<JsonException>(() => Reader.Read(Encoding.UTF8.GetBytes(new string('[', 100_000)), out _));
            Should.Throw<JsonException>(() => Reader.Read(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 50_000))), out _));
            Should.Throw<JsonException>(() => Reader.Read(large.AsMemory(0, large.Length - 5), out _));

            // Denser than a row per 12 bytes (a number and a comma are 2): read from a padded copy, not disposed.
            var root = (JsonElement)Reader.Read(dense, out var denseOwner)!;
            denseOwner.ShouldBeNull();
            root.GetArrayLength().ShouldBe(Numbers);
            root[Numbers - 1].GetInt32().ShouldBe(7);

            // Over 1 MiB (System.Text.Json's first rent is capped at 1 MiB there) and sparse.
            var rows = ((JsonElement)Reader.Read(large, out var largeOwner)!).GetProperty("rows");
            largeOwner.ShouldBeNull();
            rows.GetArrayLength().ShouldBe(20_000);
            rows[19_999].GetProperty("sku").GetString().ShouldEndWith("19999");

            var small = (JsonElement)Reader.Read("{\"order\":\"4711\"}"u8.ToArray(), out var smallOwner)!;
            small.GetProperty("order").GetString().ShouldBe("4711");
            smallOwner.ShouldNotBeNull("a small document's rows go back to the pool");
            smallOwner.Dispose();
        });

        large.Length.ShouldBeGreaterThan(1024 * 1024);
        returns.Sizes.ShouldNotBeEmpty("the small document and the parser's depth stack return what they rented");
        returns.Sizes.Where(s => s > JsonPayloadParser.PooledLimitBytes).ShouldBeEmpty();

        // The probe sees a large return when there is one, so the emptiness above is not for want of a measure.
        returns.Watch(() => ArrayPool<byte>.Shared.Return(ArrayPool<byte>.Shared.Rent(1024 * 1024)));
        returns.Sizes.ShouldContain(1024 * 1024);
    }

    /// <summary>
    /// Sizes of the arrays returned to <c>ArrayPool&lt;byte&gt;.Shared</c> by this thread while <see cref="Watch"/> runs
    /// (an in-process listener is called on the thread that returns).
    /// </summary>
    private sealed class SharedPoolReturns : EventListener
    {
        private const int BufferReturned = 3;

        [ThreadStatic]
        private static bool _watching;

        private readonly int _sharedPool = ArrayPool<byte>.Shared.GetHashCode();
        private readonly List<int> _sizes = [];

        public IReadOnlyList<int> Sizes
        {
            get
            {
                lock (_sizes) return [.. _sizes];
            }
        }

        public void Watch(Action action)
        {
            _watching = true;
            try
            {
                action();
            }
            finally
            {
                _watching = false;
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "System.Buffers.ArrayPoolEventSource") EnableEvents(eventSource, EventLevel.Verbose);
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (!_watching || eventData.EventId != BufferReturned || eventData.Payload is not { Count: >= 3 } payload) return;
            if (payload[2] is int pool && pool == _sharedPool && payload[1] is int size)
            {
                lock (_sizes) _sizes.Add(size);
            }
        }
    }
}
