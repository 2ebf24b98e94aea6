namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>Wakes the relay as soon as a row commits, so the poll interval is only the fallback.</summary>
public sealed class InboundOutboxSignal
{
    readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
                _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
