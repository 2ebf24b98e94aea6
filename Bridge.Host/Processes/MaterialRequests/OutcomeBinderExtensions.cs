using MassTransit;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// Lets the state machine call a named step that returns a result and then branch on that result in the same
/// transition: <c>.Evaluate(c => step(c))</c> keeps the result with the event being handled (never on the saga
/// state), <c>c.Outcome&lt;T&gt;()</c> reads it in the conditions that follow.
/// </summary>
public static class OutcomeBinderExtensions
{
    public static EventActivityBinder<TSaga, TMessage> Evaluate<TSaga, TMessage, TOutcome>(
        this EventActivityBinder<TSaga, TMessage> binder, Func<BehaviorContext<TSaga, TMessage>, Task<TOutcome>> step)
        where TSaga : class, SagaStateMachineInstance
        where TMessage : class
        where TOutcome : class =>
        binder.ThenAsync(async context =>
        {
            var outcome = await step(context);
            context.AddOrUpdatePayload(() => new Holder<TOutcome>(outcome), _ => new Holder<TOutcome>(outcome));
        });

    public static EventActivityBinder<TSaga, TMessage> Evaluate<TSaga, TMessage, TOutcome>(
        this EventActivityBinder<TSaga, TMessage> binder, Func<BehaviorContext<TSaga, TMessage>, TOutcome> step)
        where TSaga : class, SagaStateMachineInstance
        where TMessage : class
        where TOutcome : class =>
        binder.Evaluate(context => Task.FromResult(step(context)));

    /// <summary>The result of the last <see cref="Evaluate{TSaga,TMessage,TOutcome}(EventActivityBinder{TSaga,TMessage},Func{BehaviorContext{TSaga,TMessage},Task{TOutcome}})"/> of that type in this transition.</summary>
    public static TOutcome Outcome<TOutcome>(this PipeContext context)
        where TOutcome : class =>
        context.TryGetPayload<Holder<TOutcome>>(out var holder)
            ? holder.Value
            : throw new InvalidOperationException($"no {typeof(TOutcome).Name} was evaluated in this transition");

    private sealed record Holder<TOutcome>(TOutcome Value);
}
