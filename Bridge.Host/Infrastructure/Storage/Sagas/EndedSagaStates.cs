namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// The states in which a saga type has ended (nothing moves it on), so its rows may be deleted once
/// <c>Bridge:SagaRetention</c> has passed (<see cref="EndedSagaCleanupService"/>). A saga that never ends (one per
/// line-side location) registers none and is kept.
/// </summary>
public sealed record EndedSagaStates(string Table, IReadOnlyList<string> States)
{
    public static EndedSagaStates Of<TSaga>(params string[] states) => new(SagaTable.NameFor(typeof(TSaga)), states);
}
