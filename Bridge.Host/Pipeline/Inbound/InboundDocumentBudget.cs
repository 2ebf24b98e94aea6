namespace Bridge.Host.Pipeline.Inbound;

/// <summary>
/// How many bytes of large inbound documents are mapped at once. A document at or above <see cref="Threshold"/> bytes
/// takes its size from the budget (at most the whole budget) for as long as it is mapped, published, audited or kept
/// as a dead letter; one that does not fit waits, first come first served, until enough is handed back. Smaller
/// documents never wait. Without it, N concurrent multi-megabyte documents (a 20,000-row stock export makes 20,000
/// messages) hold N times their transient memory at once, and the GC keeps the regions they grew the heap to.
/// The counts of concurrent requests are bounded elsewhere (AMQP prefetch, MQTT in-flight, Kestrel); this bounds bytes.
/// </summary>
public sealed class InboundDocumentBudget
{
    public const string BudgetSetting = "Bridge:Inbound:LargeDocumentBudgetBytes";
    public const string ThresholdSetting = "Bridge:Inbound:LargeDocumentThresholdBytes";

    /// <summary>
    /// 2 MiB: two 20,000-row stock exports at once (≈ 1 MB each, but ≈ 20–40 MB of messages, outbox rows and audit rows each
    /// while mapped), or one body at the HTTP adapter's 4 MiB limit alone; on the 2 cores of an edge box two at once already
    /// keep both busy.
    /// </summary>
    public const long DefaultBudget = 2L * 1024 * 1024;

    /// <summary>256 KiB: a material request, a reading, an order of a hundred lines never wait.</summary>
    public const int DefaultThreshold = 256 * 1024;

    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private long _inUse;

    public InboundDocumentBudget(long budgetBytes, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        Budget = budgetBytes;
        Threshold = threshold;
    }

    public static InboundDocumentBudget From(IConfiguration configuration) =>
        new(configuration.GetValue(BudgetSetting, DefaultBudget), configuration.GetValue(ThresholdSetting, DefaultThreshold));

    /// <summary>Bytes of large documents mapped at once.</summary>
    public long Budget { get; }

    /// <summary>Documents smaller than this never wait and take nothing from the budget.</summary>
    public int Threshold { get; }

    /// <summary>Bytes of the budget in use now.</summary>
    public long InUse
    {
        get
        {
            lock (_gate)
            {
                return _inUse;
            }
        }
    }

    /// <summary>Documents waiting for their share now.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>Waits until a document of <paramref name="bytes"/> may be mapped; dispose the lease when it is done with.</summary>
    public ValueTask<Lease> AcquireAsync(int bytes, CancellationToken ct)
    {
        if (bytes < Threshold)
        {
            return ValueTask.FromResult(default(Lease));
        }

        var share = Math.Min(bytes, Budget);
        Waiter waiter;
        lock (_gate)
        {
            if (_waiters.Count == 0 && _inUse + share <= Budget)
            {
                _inUse += share;
                return ValueTask.FromResult(new Lease(this, share));
            }

            waiter = new Waiter(share);
            waiter.Node = _waiters.AddLast(waiter);
        }

        return WaitAsync(waiter, ct);
    }

    private async ValueTask<Lease> WaitAsync(Waiter waiter, CancellationToken ct)
    {
        await using (ct.Register(() => Abandon(waiter, ct)))
        {
            await waiter.Granted.Task.ConfigureAwait(false);
        }

        return new Lease(this, waiter.Share);
    }

    private void Abandon(Waiter waiter, CancellationToken ct)
    {
        lock (_gate)
        {
            // Granted already: the waiter takes its lease and hands it back as usual.
            if (waiter.Node?.List is null)
            {
                return;
            }

            _waiters.Remove(waiter.Node);
            GrantWaiters();
        }

        waiter.Granted.TrySetCanceled(ct);
    }

    private void Release(long share)
    {
        lock (_gate)
        {
            _inUse -= share;
            GrantWaiters();
        }
    }

    /// <summary>In order of arrival, as long as the first fits (under the lock).</summary>
    private void GrantWaiters()
    {
        while (_waiters.First is { } first && _inUse + first.Value.Share <= Budget)
        {
            _waiters.RemoveFirst();
            _inUse += first.Value.Share;
            first.Value.Granted.TrySetResult();
        }
    }

    private sealed class Waiter(long share)
    {
        public long Share { get; } = share;

        public LinkedListNode<Waiter>? Node { get; set; }

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A document's share of the budget; the default (a small document's) holds nothing.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly InboundDocumentBudget? _budget;
        private readonly long _share;

        internal Lease(InboundDocumentBudget budget, long share)
        {
            _budget = budget;
            _share = share;
        }

        public void Dispose() => _budget?.Release(_share);
    }
}
