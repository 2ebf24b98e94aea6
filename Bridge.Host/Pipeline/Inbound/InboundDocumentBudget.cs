namespace Bridge.Host.Pipeline.Inbound;

/// <summary>
/// How much of large inbound documents is mapped at once. A document is charged its size in bytes or, when it splits
/// into many messages, <see cref="BytesPerMessage"/> for each message it can become, whichever is more
/// (<see cref="Charge"/>). One charged at or above <see cref="Threshold"/> takes its charge from the budget (at most the
/// whole budget) for as long as it is mapped, published, audited or kept as a dead letter; one that does not fit waits,
/// first come first served, until enough is handed back. Smaller documents never wait. Without it, N concurrent
/// multi-megabyte documents hold N times their transient memory at once, and the GC keeps the regions they grew the
/// heap to. Bytes alone under-charge a CSV: a 50-byte row becomes a whole message, its outbox row, audit row and answer
/// entry, so any number of 4,000-row exports (220 KB each) went in at once without waiting.
/// The counts of concurrent requests are bounded elsewhere (AMQP prefetch, MQTT in-flight, Kestrel); this bounds what
/// they become.
/// </summary>
public sealed class InboundDocumentBudget
{
    public const string BudgetSetting = "Bridge:Inbound:LargeDocumentBudgetBytes";
    public const string ThresholdSetting = "Bridge:Inbound:LargeDocumentThresholdBytes";
    public const string BytesPerMessageSetting = "Bridge:Inbound:LargeDocumentBytesPerMessage";

    /// <summary>
    /// 2 MiB: one stock export of 8,192 rows or more alone (≈ 20–40 MB of messages, outbox rows and audit rows while
    /// mapped), or two megabyte JSON documents, or one body at the HTTP adapter's 4 MiB limit alone; on the 2 cores of an
    /// edge box two at once already keep both busy.
    /// </summary>
    public const long DefaultBudget = 2L * 1024 * 1024;

    /// <summary>256 KiB: a material request, a reading, an order of a hundred lines never wait.</summary>
    public const int DefaultThreshold = 256 * 1024;

    /// <summary>
    /// 256 bytes per message a document can become: a stock export's row (≈ 55 bytes of CSV) held ≈ 420 bytes as a mapped
    /// message and allocated ≈ 3 KB to map (20,000 rows: 8.4 MB held, 61 MB allocated), then its outbox and audit rows;
    /// a JSON or XML item is hundreds of bytes of input already. So an export of 8,192 rows or more maps alone, and
    /// one under 1,024 rows never waits.
    /// </summary>
    public const int DefaultBytesPerMessage = 256;

    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private long _inUse;

    public InboundDocumentBudget(long budgetBytes, int threshold, int bytesPerMessage = DefaultBytesPerMessage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerMessage, 0);
        Budget = budgetBytes;
        Threshold = threshold;
        BytesPerMessage = bytesPerMessage;
    }

    public static InboundDocumentBudget From(IConfiguration configuration) =>
        new(configuration.GetValue(BudgetSetting, DefaultBudget), configuration.GetValue(ThresholdSetting, DefaultThreshold),
            configuration.GetValue(BytesPerMessageSetting, DefaultBytesPerMessage));

    /// <summary>Bytes of large documents mapped at once.</summary>
    public long Budget { get; }

    /// <summary>Documents charged less than this never wait and take nothing from the budget.</summary>
    public int Threshold { get; }

    /// <summary>What each message a document can become is charged, in bytes of the budget.</summary>
    public int BytesPerMessage { get; }

    /// <summary>A document's charge: its bytes, or <see cref="BytesPerMessage"/> per message it can become if that is more.</summary>
    public long Charge(int bytes, int? mostMessages) => Math.Max(bytes, (long)(mostMessages ?? 0) * BytesPerMessage);

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

    /// <summary>Waits until a document charged <paramref name="charge"/> (<see cref="Charge"/>) may be mapped; dispose the lease when it is done with.</summary>
    public ValueTask<Lease> AcquireAsync(long charge, CancellationToken ct)
    {
        if (charge < Threshold)
        {
            return ValueTask.FromResult(default(Lease));
        }

        var share = Math.Min(charge, Budget);
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
