namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>Where telemetry batches go: the bus, with publisher confirms.</summary>
public interface ITelemetryPublisher
{
    /// <summary>
    /// Publishes the records in order and returns once they are handed to the bus, before the broker confirmed them;
    /// the task it returns completes with how many records from the start of the list the broker confirmed (fewer
    /// than all: the rest were not taken — the bus is unreachable or refused; it never throws for that). The pipeline
    /// calls it one batch at a time and may send the next batch before the confirms of the one before arrived:
    /// batches reach the bus in the order they were sent. <paramref name="mayReconnect"/> is false while batches sent
    /// earlier are not settled: then a lost connection is not opened again (a batch on a new connection could be
    /// confirmed before their unconfirmed rest is buffered and forwarded), and none of the records is confirmed.
    /// </summary>
    Task<Task<int>> SendAsync(IReadOnlyList<TelemetryRecord> records, bool mayReconnect, CancellationToken ct);
}
