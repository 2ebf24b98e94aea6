using MassTransit;

namespace Bridge.Tests.Persistence.TestSaga;

/// <summary>A small saga with a scheduled timeout, used to test the repository, outbox, inbox and scheduler.</summary>
public sealed class CounterStateMachine : MassTransitStateMachine<CounterState>
{
    public CounterStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Started, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => Incremented, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => Completed, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => Exploded, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => Removed, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => RenamedByName, e => e.CorrelateBy((saga, c) => saga.Name == c.Message.Name));
        Schedule(() => Timeout, x => x.TimeoutTokenId, s =>
        {
            s.Delay = TimeSpan.FromMinutes(1);
            s.Received = e => e.CorrelateById(c => c.Message.CorrelationId);
        });

        Initially(
            When(Started)
                .Then(c =>
                {
                    c.Saga.Name = c.Message.Name;
                    c.Saga.StartedAt = DateTimeOffset.UnixEpoch.AddSeconds(1_700_000_000).ToOffset(TimeSpan.FromHours(2));
                })
                .Schedule(Timeout, c => new CounterTimeout(c.Saga.CorrelationId), c => TimeSpan.FromSeconds(c.Message.TimeoutSeconds))
                .TransitionTo(Active));

        During(Active,
            When(Incremented)
                .Then(c =>
                {
                    c.Saga.Count++;
                    c.Saga.Total += c.Message.Amount;
                    c.Saga.Lines.Add(new CounterLine($"M-{c.Saga.Count}", c.Message.Amount, "kg"));
                }),
            When(RenamedByName)
                .Then(c => c.Saga.Name = c.Message.NewName),
            When(Exploded)
                .Then(c => c.Saga.Count += 1000)
                .Publish(c => new CounterExploded(c.Saga.CorrelationId))
                .Then(_ => throw new InvalidOperationException("Exploding after publishing, on purpose")),
            When(Completed)
                .Unschedule(Timeout)
                .Publish(c => new CounterCompleted(c.Saga.CorrelationId, c.Saga.Count))
                .TransitionTo(Done),
            When(Timeout!.Received)
                .Then(c => c.Saga.TimedOutAt = DateTimeOffset.UtcNow)
                .Publish(c => new CounterTimedOut(c.Saga.CorrelationId))
                .TransitionTo(TimedOut));

        DuringAny(
            When(Removed)
                .Finalize());

        SetCompletedWhenFinalized();
    }

    public State Active { get; private set; } = null!;
    public State Done { get; private set; } = null!;
    public State TimedOut { get; private set; } = null!;

    public Event<StartCounter> Started { get; private set; } = null!;
    public Event<IncrementCounter> Incremented { get; private set; } = null!;
    public Event<CompleteCounter> Completed { get; private set; } = null!;
    public Event<ExplodeCounter> Exploded { get; private set; } = null!;
    public Event<RemoveCounter> Removed { get; private set; } = null!;
    public Event<RenameCounterByName> RenamedByName { get; private set; } = null!;

    public Schedule<CounterState, CounterTimeout> Timeout { get; private set; } = null!;
}
