namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// One batch's notices through the publisher stage of <see cref="RabbitMqLineSideSignalConsumer"/> (timestamps as in
/// <see cref="LineSideBatchTrace"/>), for <see cref="LineSideSignalConsumerHooks.AfterPublish"/>.
/// </summary>
/// <param name="Started">When the stage took them (later than the batch's ack while earlier batches' notices were still going out).</param>
/// <param name="Published">When every one was confirmed by the broker and their outbox rows were removed.</param>
public readonly record struct LineSideNoticeTrace(long Batch, int Notices, long Started, long Published);
