using System.Threading.Channels;

namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>
/// Takes encoded telemetry and hands it to the bus in batches with publisher confirms; <see cref="TakeAsync"/>
/// returns only once its records are confirmed by the broker or written and fsynced to the local
/// <see cref="TelemetryBuffer"/>, so an adapter acknowledges nothing Bridge could still lose. While the buffer
/// holds anything, new records go behind it and it is forwarded first, which keeps the order. When the buffer is
/// full, <see cref="TakeAsync"/> does not return (the adapter stops acknowledging: backpressure) — nothing is dropped.
/// One loop does all of it, so there is no race between forwarding and appending.
/// </summary>
public sealed class TelemetryPipeline : IAsyncDisposable
{
    private readonly ITelemetryPublisher _publisher;
    private readonly TelemetryBuffer _buffer;
    private readonly TelemetryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _incoming;
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset _nextBusAttempt;
    private bool _reportedFull;
    private Task? _loop;

    public TelemetryPipeline(ITelemetryPublisher publisher, TelemetryOptions options, TimeProvider time, ILogger<TelemetryPipeline> logger)
    {
        _publisher = publisher;
        _options = options;
        _time = time;
        _logger = logger;
        _buffer = new TelemetryBuffer(options.BufferDirectory, options.MaxBufferBytes, options.SegmentBytes);
        _incoming = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Math.Max(options.BatchSize * 4, 64)) { SingleReader = true });
        if (!_buffer.IsEmpty)
            Log.Recovered(logger, _buffer.PendingRecords);
    }

    /// <summary>Records in the local buffer, not yet forwarded.</summary>
    public long Buffered => _buffer.PendingRecords;

    /// <summary>Raised after each attempt to reach the bus and each append, for tests that wait on the loop.</summary>
    public event Action? Progressed;

    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Completes once every record is confirmed by the bus or durably buffered; throws when stopped first.</summary>
    public async Task TakeAsync(IReadOnlyList<TelemetryRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
            return;
        var pending = new Pending(records, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stop.Token);
        await _incoming.Writer.WriteAsync(pending, linked.Token).ConfigureAwait(false);
        await pending.Done.Task.WaitAsync(linked.Token).ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (!_buffer.IsEmpty)
                    await ForwardBufferedAsync(ct).ConfigureAwait(false);
                var batch = await NextBatchAsync(ct).ConfigureAwait(false);
                if (batch.Count == 0)
                    continue;
                var records = batch.SelectMany(p => p.Records).ToList();
                var rest = records;
                if (_buffer.IsEmpty && _time.GetUtcNow() >= _nextBusAttempt)
                {
                    var confirmed = await _publisher.PublishAsync(records, ct).ConfigureAwait(false);
                    rest = records.Skip(confirmed).ToList();
                    if (rest.Count > 0)
                        _nextBusAttempt = _time.GetUtcNow() + _options.RetryDelay;
                }

                while (rest.Count > 0 && !_buffer.TryAppend(rest))
                {
                    if (!_reportedFull)
                        Log.BufferFull(_logger, _buffer.PendingBytes);
                    _reportedFull = true;
                    Progressed?.Invoke();
                    if (!await ForwardBufferedAsync(ct).ConfigureAwait(false))
                        await Task.Delay(_options.RetryDelay, _time, ct).ConfigureAwait(false);
                }

                foreach (var pending in batch)
                    pending.Done.TrySetResult();
                Progressed?.Invoke();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Forwards one batch from the buffer when the bus may be tried again; true when it went.</summary>
    private async Task<bool> ForwardBufferedAsync(CancellationToken ct)
    {
        if (_time.GetUtcNow() < _nextBusAttempt)
            return false;
        var peeked = _buffer.Peek(_options.BatchSize);
        if (peeked.Count == 0)
            return false;
        var confirmed = await _publisher.PublishAsync(peeked.Select(p => p.Record).ToList(), ct).ConfigureAwait(false);
        if (confirmed > 0)
        {
            _buffer.Commit(peeked[confirmed - 1].Next, confirmed, peeked.Take(confirmed).Sum(p => TelemetryBuffer.Size(p.Record)));
            _reportedFull = false;
            Log.Forwarded(_logger, confirmed, _buffer.PendingRecords);
        }

        if (confirmed < peeked.Count)
            _nextBusAttempt = _time.GetUtcNow() + _options.RetryDelay;
        Progressed?.Invoke();
        return confirmed == peeked.Count;
    }

    private async Task<List<Pending>> NextBatchAsync(CancellationToken ct)
    {
        var batch = new List<Pending>();
        var reader = _incoming.Reader;
        if (!reader.TryPeek(out _))
        {
            if (_buffer.IsEmpty)
            {
                await reader.WaitToReadAsync(ct).ConfigureAwait(false);
            }
            else
            {
                // Something is buffered: come back to forward it soon even when nothing new arrives.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(_time.GetUtcNow() < _nextBusAttempt ? _nextBusAttempt - _time.GetUtcNow() : TimeSpan.Zero);
                try
                {
                    await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                }
            }
        }

        var count = 0;
        while (count < _options.BatchSize && reader.TryRead(out var pending))
        {
            batch.Add(pending);
            count += pending.Records.Count;
        }

        return batch;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
            await _loop.ConfigureAwait(false);
        _buffer.Dispose();
        _stop.Dispose();
    }

    private sealed record Pending(IReadOnlyList<TelemetryRecord> Records, TaskCompletionSource Done);
}
