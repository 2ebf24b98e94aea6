using MassTransit;

namespace Bridge.Tests.Persistence.TestSaga;

/// <summary>Test saga state: exercises the shapes real saga state has (lists of records, decimals, DateTimeOffset, strings).</summary>
public sealed class CounterState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";
    public string Name { get; set; } = "";
    public int Count { get; set; }
    public decimal Total { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? TimedOutAt { get; set; }
    public Guid? TimeoutTokenId { get; set; }
    public List<CounterLine> Lines { get; set; } = [];
}
