using Bridge.Host.Domain.LineSide;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// A batch of counter and sensor signals applied as one unit: signals seen before are skipped, each location's level is
/// changed once, the notices for the saga are kept with the change; the notices are published once that is durable.
/// </summary>
public interface ILineSideSignalBatch
{
    /// <param name="publish">Sends one notice to the saga (the consume context of the batch).</param>
    /// <returns>What each signal did, in order; null for a signal whose message id was consumed before.</returns>
    Task<IReadOnlyList<LevelChange?>> ApplyAsync(IReadOnlyList<LocatedSignal> signals, Func<LineSideNotice, Task> publish, CancellationToken ct);
}
