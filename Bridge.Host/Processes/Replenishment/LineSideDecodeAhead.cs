namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// How far the client's dispatcher may decode ahead of the commit loop, in signals. Decoded signals are many small
/// objects that live until their batch commits: a backlog held decoded (up to the prefetch, 10,000 deliveries — with
/// packs a million signals) survives every collection and makes each one copy it, which slows the commit loop, which
/// grows the backlog. Past <c>limit</c> the dispatcher waits before decoding more; the rest waits as raw bodies in the
/// client (pooled buffers) or in the broker. A delivery is always accepted whole, so one larger than the limit never blocks.
/// </summary>
public sealed class LineSideDecodeAhead(int limit)
{
    private readonly Lock _lock = new();
    private long _signals;
    private TaskCompletionSource? _space;

    /// <summary>Counts a decoded delivery's signals; completes once fewer than the limit wait (at once while they do).</summary>
    public Task AddAsync(int signals, CancellationToken ct)
    {
        lock (_lock)
        {
            _signals += signals;
            if (_signals < limit)
                return Task.CompletedTask;
            _space ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _space.Task.WaitAsync(ct);
        }
    }

    /// <summary>A batch took <paramref name="signals"/>: the dispatcher goes on once fewer than the limit wait.</summary>
    public void Take(int signals)
    {
        TaskCompletionSource? release = null;
        lock (_lock)
        {
            _signals -= signals;
            if (_signals < limit)
                (release, _space) = (_space, null);
        }

        release?.TrySetResult();
    }
}
