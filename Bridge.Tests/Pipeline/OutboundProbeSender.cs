using System.Collections.Concurrent;
using Bridge.Adapters.Envelopes;

namespace Bridge.Tests.Pipeline;

/// <summary>A simulated receiver: records each call; fails every call (or the first few) or holds each call at a barrier.</summary>
public sealed class OutboundProbeSender : IEnvelopeSender
{
    private int _failuresLeft;

    public ConcurrentQueue<OutboundEnvelope> Calls { get; } = new();

    public ConcurrentQueue<OutboundEnvelope> Accepted { get; } = new();

    /// <summary>Thrown on every call while set.</summary>
    public Exception? Failure { get; set; }

    /// <summary>The first this many calls fail with a 503 (after which the receiver has recovered).</summary>
    public int FailFirst { init => _failuresLeft = value; }

    public TaskCompletionSource? Barrier { get; init; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task SendAsync(OutboundEnvelope envelope, CancellationToken ct)
    {
        Calls.Enqueue(envelope);
        Entered.TrySetResult();
        if (Barrier is not null)
            await Barrier.Task.WaitAsync(ct);
        if (Failure is not null)
            throw Failure;
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new HttpRequestException("503 Service Unavailable");
        Accepted.Enqueue(envelope);
        Completed.TrySetResult();
    }
}
