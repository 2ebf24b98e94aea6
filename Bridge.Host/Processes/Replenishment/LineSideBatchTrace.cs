namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// One signal batch's way through <see cref="RabbitMqLineSideSignalConsumer"/>, as <see cref="System.Diagnostics.Stopwatch"/>
/// timestamps (for <see cref="LineSideSignalConsumerHooks.AfterBatch"/>: the benchmark lines batches up with GC pauses, the
/// thread pool and the broker to find what holds the consumer back).
/// </summary>
/// <param name="Number">The batch's number since the consumer started (1, 2, …).</param>
/// <param name="Waiting">Deliveries decoded and left in memory for later batches when this one closed.</param>
/// <param name="FirstReceived">When the batch's oldest delivery had been decoded.</param>
/// <param name="GatherStarted">When the loop began waiting for this batch (the previous one acknowledged and handed on).</param>
/// <param name="NoticesQueued">When its notices were handed to the publisher stage (equal to <paramref name="Acked"/> when it raised none; later when that stage was full).</param>
public readonly record struct LineSideBatchTrace(
    long Number, int Deliveries, int Signals, int Notices, int Waiting,
    long FirstReceived, long LastReceived, long GatherStarted, long Gathered, long Committed, long Acked, long NoticesQueued);
