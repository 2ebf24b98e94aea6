namespace Bridge.Adapters.Http;

/// <summary>Settings of one named HTTP adapter (section <c>Bridge:Adapters:Http:{name}</c>).</summary>
public sealed class HttpAdapterOptions
{
    /// <summary>Largest inbound body accepted, in bytes. Default 4 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Retries of an outbound call after the first attempt (5xx, 408, 429, network errors). Default 3.</summary>
    public int RetryCount { get; set; } = 3;

    /// <summary>First retry delay; doubles with each retry, with jitter. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Timeout of one outbound attempt. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
