namespace Bridge.Host.Processes.Replenishment;

/// <summary>Test and benchmark seams of <see cref="RabbitMqLineSideSignalConsumer"/>; production leaves them empty.</summary>
public sealed class LineSideSignalConsumerHooks
{
    /// <summary>Runs after a batch committed and before its deliveries are acknowledged (a test stops the host here).</summary>
    public Func<CancellationToken, Task>? AfterCommit { get; set; }

    /// <summary>Runs as each delivery has been decoded, on the client's dispatcher (a test sees the next batch arrive while one commits).</summary>
    public Action? AfterDecode { get; set; }

    /// <summary>Runs once a batch is acknowledged and its notices handed on, on the commit loop (the benchmark's batch timeline).</summary>
    public Action<LineSideBatchTrace>? AfterBatch { get; set; }

    /// <summary>Runs once a batch's notices are published, on the publisher stage (the benchmark's batch timeline).</summary>
    public Action<LineSideNoticeTrace>? AfterPublish { get; set; }
}
