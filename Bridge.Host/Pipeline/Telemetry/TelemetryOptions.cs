namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>The telemetry path (section <c>Bridge:Telemetry</c>): batches, the local buffer, where it lives.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Bridge:Telemetry";

    /// <summary>Folder of the local durable buffer. Default <c>data/telemetry-buffer</c> under the working directory.</summary>
    public string BufferDirectory { get; set; } = Path.Combine("data", "telemetry-buffer");

    /// <summary>Most bytes the buffer holds; when full, readings are not acknowledged (backpressure). Default 256 MiB.</summary>
    public long MaxBufferBytes { get; set; } = 256L * 1024 * 1024;

    /// <value>Default 16 MiB per segment file.</value>
    public long SegmentBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Most messages published (or buffered) together, confirmed together. Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Batches sent to the bus before the confirms of the oldest are waited for (a window, so the broker's confirm
    /// latency is not paid once per batch). 1 sends the next batch only once the one before is confirmed. Default 4.
    /// </summary>
    public int BatchesInFlight { get; set; } = 4;

    /// <summary>Wait between tries while the bus is unreachable. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
