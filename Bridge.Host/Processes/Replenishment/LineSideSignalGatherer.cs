using System.Threading.Channels;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// Gathers the next signal batch from the decoded deliveries: what has arrived, up to <c>limit</c> signals (a delivery is
/// taken whole, so a batch may hold one pack more). Batches start at most once per <c>window</c>: while deliveries arrive
/// slower than a batch commits, a batch waits for the rest of its window, so each location's row is written once for
/// several signals; once a commit takes longer than the window, what arrived meanwhile goes at once — under load a signal
/// waits for the batch before it, never for a timer too.
/// </summary>
public sealed class LineSideSignalGatherer<T>(ChannelReader<T> reader, Func<T, int> signalsOf, TimeProvider time, TimeSpan window, int limit)
{
    private long? _lastClosed;

    /// <summary>Waits for one delivery, then fills <paramref name="batch"/> as described above.</summary>
    public async Task GatherAsync(List<T> batch, CancellationToken ct)
    {
        var first = await reader.ReadAsync(ct);
        batch.Add(first);
        var signals = signalsOf(first);
        // The window runs from the previous batch's close: one that waited for a long commit (or a quiet spell) goes at once.
        var windowTicks = (long)(window.TotalSeconds * time.TimestampFrequency);
        var deadline = _lastClosed + windowTicks ?? long.MinValue;
        try
        {
            while (true)
            {
                while (signals < limit && reader.TryRead(out var next))
                {
                    batch.Add(next);
                    signals += signalsOf(next);
                }

                var now = time.GetTimestamp();
                if (signals >= limit || now >= deadline)
                    return;
                using var timeout = new CancellationTokenSource(time.GetElapsedTime(now, deadline), time);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
                try
                {
                    if (!await reader.WaitToReadAsync(wait.Token))
                        return;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        finally
        {
            _lastClosed = time.GetTimestamp();
        }
    }
}
