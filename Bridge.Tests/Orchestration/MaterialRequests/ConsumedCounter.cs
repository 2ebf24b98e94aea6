using MassTransit;

namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>Completes when a message of type <typeparamref name="T"/> has been consumed to the end (after any retries).</summary>
public sealed class ConsumedCounter<T> : IConsumeObserver
    where T : class
{
    private readonly TaskCompletionSource _consumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;

    public void Arm() => Volatile.Write(ref _armed, 1);

    public Task Consumed(TimeSpan timeout) => _consumed.Task.WaitAsync(timeout);

    public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

    public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
    {
        if (typeof(TMessage) == typeof(T) && Volatile.Read(ref _armed) == 1)
        {
            _consumed.TrySetResult();
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class => Task.CompletedTask;
}
