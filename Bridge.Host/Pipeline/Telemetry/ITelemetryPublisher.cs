namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>Where telemetry batches go: the bus, with publisher confirms.</summary>
public interface ITelemetryPublisher
{
    /// <summary>
    /// Publishes the records in order and waits for their confirms. Returns how many records from the start of the
    /// list the broker confirmed; fewer than all means the rest were not taken (the bus is unreachable or refused).
    /// </summary>
    Task<int> PublishAsync(IReadOnlyList<TelemetryRecord> records, CancellationToken ct);
}
